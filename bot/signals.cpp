#include "bot/signals.h"

#include <algorithm>
#include <cctype>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

constexpr size_t kNegationWindow = 3;  // code points before a phrase

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_ascii_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// True when `phrase` occurs in `text` not preceded within the window by a
// negation, and (for ASCII-letter phrases such as "sb") not inside a word.
bool has_phrase(const std::string& text, const std::string& phrase,
                const std::vector<std::string>& negations) {
  if (phrase.empty()) return false;
  const bool ascii_word = std::all_of(phrase.begin(), phrase.end(), is_ascii_alpha);
  for (size_t pos = text.find(phrase); pos != std::string::npos;
       pos = text.find(phrase, pos + 1)) {
    if (ascii_word) {
      const size_t end = pos + phrase.size();
      if ((pos > 0 && is_ascii_alpha(text[pos - 1])) ||
          (end < text.size() && is_ascii_alpha(text[end]))) {
        continue;
      }
    }
    // The up-to-3 code points before the phrase.
    size_t start = pos;
    for (size_t n = 0; n < kNegationWindow && start > 0;) {
      --start;
      if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) ++n;
    }
    const std::string before = text.substr(start, pos - start);
    bool negated = false;
    for (const std::string& neg : negations) {
      if (!neg.empty() && before.size() >= neg.size() &&
          before.compare(before.size() - neg.size(), neg.size(), neg) == 0) {
        negated = true;
        break;
      }
    }
    if (!negated) return true;
  }
  return false;
}

bool any_phrase(const std::string& a, const std::string& b, const std::vector<std::string>& phrases,
                const std::vector<std::string>& negations) {
  for (const std::string& p : phrases) {
    const std::string lp = ascii_lower(p);
    if (has_phrase(a, lp, negations) || (!b.empty() && has_phrase(b, lp, negations))) return true;
  }
  return false;
}

// `text` without spaces and punctuation.
std::string content_only(std::string_view text) {
  std::u32string out;
  for (char32_t cp : utf8::decode(text)) {
    if (!utf8::is_space(cp) && !utf8::is_punct(cp)) out += cp;
  }
  return utf8::encode(out);
}

bool exclamation_run(std::string_view text, int run) {
  if (run <= 0) return false;
  int n = 0;
  for (char32_t cp : utf8::decode(text)) {
    if (cp == '!' || cp == 0xFF01) {
      if (++n >= run) return true;
    } else if (!utf8::is_space(cp)) {
      n = 0;
    }
  }
  return false;
}

}  // namespace

SignalRules SignalRules::defaults() {
  SignalRules r;
  for (const char* verb : {"转", "接", "找", "要", "换", "叫", "请", "联系", "转接", "接通", "呼叫"}) {
    for (const char* filler : {"", "个", "一下", "一个", "下"}) {
      for (const char* object : {"人工", "真人", "活人"}) {
        r.human.push_back(std::string(verb) + filler + object);
      }
    }
  }
  for (const char* phrase : {"人工呢", "人工在吗", "人工在哪", "让人工来", "真人来", "跟真人说",
                             "和真人说", "找你们客服", "叫你们客服", "找客服本人"}) {
    r.human.push_back(phrase);
  }
  r.human_exact = {"人工", "人工客服", "人工服务", "真人", "真人客服", "人工坐席", "客服人工"};
  r.complaint = {"投诉", "举报", "监管部门", "银保监", "金融监管", "12378", "起诉", "律师函",
                 "打官司"};
  r.anger = {"气死", "什么破", "破平台", "太差了", "太差劲", "坑人", "坑爹", "骗子", "骗钱",
             "黑平台", "垃圾", "恶心", "受够了", "有病", "报警", "曝光", "维权", "忽悠", "耍我"};
  r.frustration = {"烦死", "烦人", "好烦", "真烦", "无语", "急死", "着急死", "搞什么", "闹心",
                   "郁闷", "崩溃"};
  r.abuse = {"傻逼", "傻b", "sb", "煞笔", "妈的", "他妈", "你妈", "尼玛", "操你", "草泥马",
             "废物", "白痴", "脑残", "智障", "蠢货", "去死", "滚蛋", "滚!", "滚！", "狗东西",
             "王八蛋", "混蛋", "贱", "fuck", "shit"};
  r.negations = {"不", "不用", "不要", "别", "无需", "没", "不需要"};
  return r;
}

Signals detect_signals(std::string_view text, std::string_view normalized,
                       const SignalRules& rules) {
  const std::string a = ascii_lower(text);
  const std::string b = ascii_lower(normalized);
  Signals s;
  s.human_request = any_phrase(a, b, rules.human, rules.negations);
  const std::string whole = content_only(a), whole_normalized = content_only(b);
  for (const std::string& p : rules.human_exact) {
    const std::string lp = ascii_lower(p);
    if (whole == lp || whole_normalized == lp) s.human_request = true;
  }
  s.complaint = any_phrase(a, b, rules.complaint, rules.negations);
  s.abuse = any_phrase(a, b, rules.abuse, {});
  s.anger = any_phrase(a, b, rules.anger, rules.negations);
  s.frustration = any_phrase(a, b, rules.frustration, rules.negations) ||
                  exclamation_run(text, rules.exclamation_run);
  // A bare "滚" as the whole message is abuse too.
  if (whole == "滚" || whole == "滚滚滚") s.abuse = true;
  return s;
}

}  // namespace faqbot::bot
