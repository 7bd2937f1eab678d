// Speech fillers, question words and request words (message_cues.h).
#include "retrieval/message_cues.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "knowledge/utf8.h"

namespace faqbot::retrieval {
namespace {

// Words that make a clause a question (an interrogative or a question
// particle), in normalised (simplified) form.
constexpr const char* kQuestionWords[] = {"吗", "嘛", "么", "呢", "怎", "啥", "咋", "哪", "几", "多少", "多久",
                                          "是否", "能不能", "可不可以", "有没有", "是不是", "要不要", "会不会"};

// Words of speech that carry no content (voice notes transcribed by speech
// to text, typed chat alike): hesitations, calls for attention, greetings
// and discourse fillers, in normalised form, longest first. Never a part
// of a word of ours (no 额: 额度).
constexpr const char* kSpeechFillers[] = {"就是说", "你好", "您好", "那个", "就是", "然后", "嗯", "呃", "喂", "啊", "哎"};

// Words with which a written message asks without a question mark or word
// ("想了解一下提现的到账时间。", "不清楚备付金是干什么的"), in normalised form.
constexpr const char* kRequestWords[] = {"想了解", "想知道", "想问", "想咨询", "请问", "咨询一下", "请教",
                                         "不知道", "不清楚", "不明白", "不太懂", "麻烦告知", "请告知"};

}  // namespace

std::string without_speech_fillers(const std::string& normalized) {
  std::u32string text = utf8::decode(normalized);
  std::u32string out;
  out.reserve(text.size());
  std::vector<std::u32string> fillers;
  for (const char* f : kSpeechFillers) fillers.push_back(utf8::decode(f));
  for (size_t i = 0; i < text.size();) {
    bool skipped = false;
    for (const std::u32string& f : fillers) {
      if (text.compare(i, f.size(), f) == 0) {
        i += f.size();
        skipped = true;
        break;
      }
    }
    if (!skipped) out.push_back(text[i++]);
  }
  // Repeats of a unit of 2 to 4 characters ("提现提现"); single characters
  // repeat in words of their own (谢谢, 看看).
  std::u32string collapsed;
  collapsed.reserve(out.size());
  for (size_t i = 0; i < out.size();) {
    size_t skip = 0;
    for (size_t n = 4; n >= 2 && skip == 0; --n) {
      if (i + 2 * n <= out.size() && out.compare(i, n, out, i + n, n) == 0 &&
          std::all_of(out.begin() + i, out.begin() + i + n, [](char32_t c) { return c >= 0x3400; })) {
        skip = n;
      }
    }
    if (skip > 0) {
      i += skip;  // keep the last of the repeats
    } else {
      collapsed.push_back(out[i++]);
    }
  }
  if (collapsed == text || collapsed.empty()) return {};
  return utf8::encode(collapsed);
}

bool asks_question(const std::string& normalized) {
  return std::any_of(std::begin(kQuestionWords), std::end(kQuestionWords),
                     [&](const char* w) { return normalized.find(w) != std::string::npos; });
}

bool asks_or_requests(const std::string& normalized) {
  return asks_question(normalized) ||
         std::any_of(std::begin(kRequestWords), std::end(kRequestWords),
                     [&](const char* w) { return normalized.find(w) != std::string::npos; });
}

}  // namespace faqbot::retrieval
