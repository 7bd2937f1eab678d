-- wrk script for the soak (scripts/soak.sh): the questions of
-- tests/bench/http_chat.lua at a fixed rate. SOAK_RATE (requests/s over all
-- connections) and SOAK_CONNECTIONS (wrk -c) come from the environment; each
-- connection waits connections/rate seconds before each request.
local questions = {
  "提现多久到账", "充值收手续费吗", "怎么修改银行卡", "忘记登录密码怎么办",
  "体现多久到帐", "利息什么时候发", "可以提前赎回吗", "今天天气怎么样",
  "谢谢", "提现一般几个小时到", "充值限额是多少", "怎么注册账号",
}
local rate = tonumber(os.getenv("SOAK_RATE") or "100")
local connections = tonumber(os.getenv("SOAK_CONNECTIONS") or "16")
local interval_ms = connections * 1000 / rate
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0

request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"text":"' .. questions[(n % #questions) + 1] .. '"}')
end

delay = function()
  return interval_ms
end
