#pragma once
// Word lists that tell how a message is put, whatever it asks about: speech
// fillers and repeats, question words, requests for information. All take
// and give normalised (simplified) text.
#include <string>

namespace faqbot::retrieval {

// `normalized` without speech fillers and with a word said twice or more in
// a row said once ("嗯那个提现提现要多久" -> "提现要多久"); "" when nothing
// changes.
std::string without_speech_fillers(const std::string& normalized);

// Whether a normalised clause holds a question word or particle (吗, 怎,
// 多久 …).
bool asks_question(const std::string& normalized);

// Whether a sentence of a written message asks something: a question word
// or a request for information ("想了解一下提现的到账时间。").
bool asks_or_requests(const std::string& normalized);

}  // namespace faqbot::retrieval
