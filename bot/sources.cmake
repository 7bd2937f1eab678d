# Sources of faqbot_bot, relative to bot/ (bot/CMakeLists.txt includes this).
set(FAQBOT_BOT_SOURCES
  dated_answers.cpp
  engine.cpp
  engine_load.cpp
  followup.cpp
  followup_cues.cpp
  followup_steps.cpp
  guard.cpp
  names.cpp
  policy.cpp
  settings.cpp
  signals.cpp
  step_words.cpp
  wording.cpp
)
