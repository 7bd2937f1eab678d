-- wrk script: POST /v1/chat with a rotating set of investor questions.
-- Each request starts a new session (no session_id), so every request runs
-- the engine, issues a session id and token (CSPRNG + SHA-256) and commits one
-- turn (session + 2 messages) to the store.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local questions = {
  "提现多久到账", "充值收手续费吗", "怎么修改银行卡", "忘记登录密码怎么办",
  "体现多久到帐", "利息什么时候发", "可以提前赎回吗", "今天天气怎么样",
  "谢谢", "提现一般几个小时到", "充值限额是多少", "怎么注册账号",
}
local bodies = {}
for i, q in ipairs(questions) do
  bodies[i] = '{"text":"' .. q .. '"}'
end
local n = 0

request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])
end

local non2xx = 0
response = function(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
