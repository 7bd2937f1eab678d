#pragma once
// The `faqbot` subcommands. Each takes the argv tail after the command name
// and returns the process exit status: 0 success, 1 failure, 2 usage error.
namespace faqbot::cli {

int run_ask(int argc, char** argv);         // ask [--json] [QUESTION]
int run_chat(int argc, char** argv);        // chat: interactive conversation
int run_eval(int argc, char** argv);        // eval --cases FILE.jsonl | --multiturn FILE.tsv
int run_lint(int argc, char** argv);        // lint: validate the knowledge base
int run_similarity(int argc, char** argv);  // similarity: text1<TAB>text2 lines
int run_insights(int argc, char** argv);    // insights --since 7d --out FILE.html | --json
int run_kb(int argc, char** argv);          // kb export|import: spreadsheets of the knowledge base

}  // namespace faqbot::cli
