#include "adapters/http/openapi.h"

#include <nlohmann/json.hpp>

namespace faqbot::http {
namespace {

// Hand-written; keep in step with register_api_routes (tests/http/openapi_test.cpp).
const char* kDocument = R"JSON({
  "openapi": "3.0.3",
  "info": {
    "title": "faqbot API",
    "version": "1.0.0",
    "description": "First-line FAQ bot of the platform: investor chat, human handoff for agents, administration. Every error is {\"error\": {\"code\", \"message\"}}."
  },
  "components": {
    "securitySchemes": {
      "sessionToken": {"type": "http", "scheme": "bearer", "description": "The session_token returned when POST /v1/chat created the session. Only the server issues sessions; a wrong or missing token, an unknown session and an IM session all answer the same 401."},
      "agentToken": {"type": "http", "scheme": "bearer", "description": "A token of FAQBOT_AGENT_TOKENS"},
      "adminToken": {"type": "http", "scheme": "bearer", "description": "A token of FAQBOT_ADMINS (named admins) or FAQBOT_ADMIN_TOKEN (the admin \"admin\")"}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
        "required": ["code", "message"], "properties": {
          "code": {"type": "string", "enum": ["malformed_json", "invalid_utf8", "bad_request", "unauthorized",
            "forbidden", "not_found", "conflict", "payload_too_large", "validation_failed", "compliance",
            "rate_limited", "internal", "unavailable", "not_approved", "evaluation_regressed", "busy"]},
          "message": {"type": "string"},
          "details": {"type": "array", "items": {"type": "string"}}}}}},
      "ChatRequest": {"type": "object", "required": ["text"], "properties": {
        "session_id": {"type": "string", "description": "omit to start a new session (the reply then carries session_id and session_token); otherwise a session_id the server issued, with its token in Authorization: Bearer"},
        "user_id": {"type": "string"},
        "text": {"type": "string", "description": "1 to 2,000 characters (configurable)"},
        "greeted": {"type": "boolean", "description": "true when the client greeted the investor itself (the widget does on opening): the bot's replies then greet no more"},
        "faq_id": {"type": "string", "description": "the entry a suggestion button chose: answered from that entry without a new search (an entry no longer in the knowledge base: text is asked instead)"}},
        "description": "The channel is always web here; a channel field in the body is ignored."},
      "Suggestion": {"type": "object", "properties": {"faq_id": {"type": "string"}, "question": {"type": "string"}}},
      "Handoff": {"type": "object", "properties": {
        "ticket_id": {"type": "integer"}, "priority": {"type": "string", "enum": ["normal", "high"]},
        "status": {"type": "string", "enum": ["waiting", "active", "closed"]},
        "state": {"type": "string", "enum": ["waiting", "callback_scheduled", "claimed", "transferred", "closed"], "description": "the ticket's state machine state"},
        "queue_position": {"type": "integer", "description": "1-based while waiting, else 0"},
        "reason": {"type": "string", "description": "explicit_request, entry, repeated_fallback, repeated_question, anger, abuse, complaint, money_at_risk"},
        "reason_label": {"type": "string", "description": "the reason as agents read it (Chinese)"},
        "expected_reply_at": {"type": "integer", "nullable": true, "description": "promised reply (or callback) time, ms since epoch"},
        "agent": {"type": "string", "nullable": true, "description": "the agent serving the investor now"},
        "line": {"type": "string", "description": "the state line to show the investor, in the operator's words (replies.json state_*)"}}},
      "ChatReply": {"type": "object", "properties": {
        "session_id": {"type": "string"},
        "session_token": {"type": "string", "description": "only when this request created the session: its credential (64 hex characters), shown once; keep it with the session"},
        "question": {"type": "string", "description": "the investor's text as stored, card, ID and phone numbers masked: show this in the investor's own bubble"},
        "message_id": {"type": "integer"},
        "action": {"type": "string", "enum": ["answer", "clarify", "fallback", "handoff"]},
        "faq_id": {"type": "string", "nullable": true}, "confidence": {"type": "number"},
        "text": {"type": "string"},
        "suggestions": {"type": "array", "items": {"$ref": "#/components/schemas/Suggestion"}},
        "offer_human": {"type": "boolean"}, "routed_to_agent": {"type": "boolean"},
        "handoff": {"allOf": [{"$ref": "#/components/schemas/Handoff"}], "nullable": true}}},
      "Message": {"type": "object", "properties": {
        "message_id": {"type": "integer"}, "role": {"type": "string", "enum": ["investor", "bot", "agent", "system"]},
        "text": {"type": "string"}, "created_at": {"type": "integer"}, "action": {"type": "string"},
        "faq_id": {"type": "string", "nullable": true}, "confidence": {"type": "number"}, "agent_id": {"type": "string"},
        "kb_version": {"type": "integer", "nullable": true, "description": "bot messages: the knowledge-base version that produced it"}}},
      "KbFigures": {"type": "object", "properties": {
        "answered_right": {"type": "number"}, "handoff": {"type": "number"}, "refused": {"type": "number"},
        "false_answer_rate": {"type": "number"}, "answer_cases": {"type": "integer"}, "handoff_cases": {"type": "integer"},
        "out_of_catalog_cases": {"type": "integer"}, "cases": {"type": "integer"}}},
      "KbEvaluation": {"type": "object", "description": "config/golden.jsonl and built-in out-of-catalog probes answered by the live version and the candidate",
        "properties": {
        "live": {"$ref": "#/components/schemas/KbFigures"}, "candidate": {"$ref": "#/components/schemas/KbFigures"},
        "changed": {"type": "array", "items": {"type": "object", "properties": {"question": {"type": "string"}, "expected": {"type": "string"},
          "live_entry": {"type": "string", "nullable": true}, "candidate_entry": {"type": "string", "nullable": true},
          "live_action": {"type": "string"}, "candidate_action": {"type": "string"}}}},
        "regressions": {"type": "array", "items": {"type": "string"}, "description": "every figure the candidate makes worse"},
        "passes": {"type": "boolean"}, "live_version": {"type": "integer"}, "seconds": {"type": "number"}}},
      "KbVersion": {"type": "object", "properties": {
        "id": {"type": "integer"}, "parent_id": {"type": "integer", "nullable": true},
        "status": {"type": "string", "enum": ["candidate", "approved", "released", "refused", "retired"], "description": "released = live"},
        "author": {"type": "string"}, "note": {"type": "string"}, "created_at": {"type": "integer"}, "content_hash": {"type": "string"},
        "changes": {"type": "array", "items": {"type": "object"}},
        "evaluation": {"allOf": [{"$ref": "#/components/schemas/KbEvaluation"}], "nullable": true},
        "approved_by": {"type": "string", "nullable": true}, "released_by": {"type": "string", "nullable": true},
        "released_at": {"type": "integer", "nullable": true}, "override_reason": {"type": "string", "nullable": true},
        "refused_by": {"type": "string", "nullable": true}, "refusal_reason": {"type": "string", "nullable": true},
        "diff": {"type": "array", "items": {"type": "object"}, "description": "GET of one version only: per changed file against the parent, per entry for category files, unified-style lines for others"}}},
      "Ticket": {"type": "object", "properties": {
        "ticket_id": {"type": "integer"}, "session_id": {"type": "string"}, "status": {"type": "string"},
        "priority": {"type": "string"}, "reason": {"type": "string"}, "reason_label": {"type": "string"}, "created_at": {"type": "integer"},
        "claimed_by": {"type": "string", "nullable": true}, "queue_position": {"type": "integer"},
        "expected_reply_at": {"type": "integer", "nullable": true}, "channel": {"type": "string"},
        "last_message": {"type": "string"},
        "question": {"type": "string", "description": "the investor's real question: the last message that is more than a bare request for a human"},
        "kind": {"type": "string", "enum": ["chat", "callback"]},
        "state": {"type": "string", "enum": ["waiting", "callback_scheduled", "claimed", "transferred", "closed"]},
        "callback_phone": {"type": "string", "nullable": true, "description": "in clear only for the agent who owns the ticket, masked (138****8000) for everyone else"},
        "transferred_from": {"type": "string", "nullable": true}}}
    },
    "responses": {
      "Error": {"description": "error envelope", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "parameters": {
      "SessionId": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
      "TicketId": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}
    }
  },
  "paths": {
    "/v1/chat": {"post": {"summary": "Send an investor message; the bot answers, or the message goes to the open handoff",
      "security": [{}, {"sessionToken": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatRequest"}}}},
      "responses": {"200": {"description": "reply", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatReply"}}}},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
        "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"},
        "429": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/v1/sessions/{id}/messages": {"get": {"summary": "Transcript since a message (investor, bot, agent and system messages)",
      "security": [{"sessionToken": []}],
      "parameters": [{"$ref": "#/components/parameters/SessionId"},
        {"name": "after", "in": "query", "schema": {"type": "integer"}, "description": "message id; omit for the whole transcript"}],
      "responses": {"200": {"description": "messages", "content": {"application/json": {"schema": {"type": "object", "properties": {
        "session_id": {"type": "string"}, "messages": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
        "handoff": {"allOf": [{"$ref": "#/components/schemas/Handoff"}], "nullable": true, "description": "the current handoff, as POST /v1/chat returns it; null when none; status closed after close, until the investor writes to the bot again"}}}}}},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/sessions/{id}/events": {"get": {"summary": "The same messages as Server-Sent Events (event: message, id: message id)",
      "security": [{"sessionToken": []}],
      "parameters": [{"$ref": "#/components/parameters/SessionId"},
        {"name": "after", "in": "query", "schema": {"type": "integer"}},
        {"name": "session_token", "in": "query", "schema": {"type": "string"}, "description": "the session token, for EventSource, which cannot send headers (this route only)"},
        {"name": "Last-Event-ID", "in": "header", "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "event stream", "content": {"text/event-stream": {"schema": {"type": "string"}}}},
        "401": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/v1/feedback": {"post": {"summary": "Whether an answer helped: a bot message of the caller's own session, once per message",
      "security": [{"sessionToken": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["session_id", "message_id", "helpful"],
        "properties": {"session_id": {"type": "string"}, "message_id": {"type": "integer"}, "helpful": {"type": "boolean"}, "comment": {"type": "string"}}}}}},
      "responses": {"200": {"description": "recorded"}, "401": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error", "description": "not a bot message of this session"},
        "409": {"$ref": "#/components/responses/Error", "description": "this message already has feedback"},
        "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs": {"get": {"summary": "Handoff tickets by status, queue order", "security": [{"agentToken": []}],
      "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["waiting", "active", "closed"], "default": "waiting"}}],
      "responses": {"200": {"description": "tickets", "content": {"application/json": {"schema": {"type": "object", "properties": {
        "handoffs": {"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}}}}}}},
        "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs/{id}": {"get": {"summary": "One ticket: transcript, reason, priority, the bot's suggested answers, the investor's profile, quick replies",
      "security": [{"agentToken": []}], "parameters": [{"$ref": "#/components/parameters/TicketId"}],
      "responses": {"200": {"description": "ticket detail"}, "401": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs/{id}/claim": {"post": {"summary": "Claim a waiting ticket", "security": [{"agentToken": []}],
      "parameters": [{"$ref": "#/components/parameters/TicketId"}],
      "responses": {"200": {"description": "claimed"}, "409": {"$ref": "#/components/responses/Error"},
        "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs/{id}/messages": {"post": {"summary": "Reply to the investor (ticket claimed by this agent). A reply that promises principal, returns or an absolute arrival (保本, 保证本金, 绝对今天到账 …) is refused whole with 422 code compliance naming the phrases; nothing is stored or sent", "security": [{"agentToken": []}],
      "parameters": [{"$ref": "#/components/parameters/TicketId"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}}}},
      "responses": {"200": {"description": "the stored message", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs/{id}/close": {"post": {"summary": "Close the ticket; the bot answers the session again", "security": [{"agentToken": []}],
      "parameters": [{"$ref": "#/components/parameters/TicketId"}],
      "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"resolution": {"type": "string"}}}}}},
      "responses": {"200": {"description": "closed"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs/{id}/transfer": {"post": {"summary": "Hand a ticket this agent holds to another agent; the investor is told who serves them now", "security": [{"agentToken": []}],
      "parameters": [{"$ref": "#/components/parameters/TicketId"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["to_agent"], "properties": {"to_agent": {"type": "string", "description": "an agent id of FAQBOT_AGENT_TOKENS"}}}}}},
      "responses": {"200": {"description": "the ticket, transferred", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/callbacks": {"get": {"summary": "Open tickets with a callback promised, earliest promised time first", "security": [{"agentToken": []}],
      "responses": {"200": {"description": "callbacks", "content": {"application/json": {"schema": {"type": "object", "properties": {
        "callbacks": {"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}}}}}}},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs/summary": {"get": {"summary": "Live counts (waiting, waiting_high, active, mine), the waiting ticket ids (for new-ticket alerts) and the customers' average rating per agent", "security": [{"agentToken": []}],
      "responses": {"200": {"description": "summary"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs/{id}/notes": {
      "get": {"summary": "Internal notes of the ticket's conversation (every ticket of it), oldest first; never shown to the investor", "security": [{"agentToken": []}],
        "parameters": [{"$ref": "#/components/parameters/TicketId"}],
        "responses": {"200": {"description": "notes"}, "404": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Add an internal note (masked like every text typed by a person)", "security": [{"agentToken": []}],
        "parameters": [{"$ref": "#/components/parameters/TicketId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}}}},
        "responses": {"201": {"description": "the note"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/handoffs/{id}/typing": {
      "get": {"summary": "Whether the investor is typing", "security": [{"agentToken": []}],
        "parameters": [{"$ref": "#/components/parameters/TicketId"}], "responses": {"200": {"description": "investor_typing"}}},
      "post": {"summary": "The agent holding the ticket is typing (at most one mark a second counts; lapses after expires_in_ms)", "security": [{"agentToken": []}],
        "parameters": [{"$ref": "#/components/parameters/TicketId"}],
        "responses": {"200": {"description": "recorded"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/v1/agents": {"get": {"summary": "The configured agents: online (used the API in the last 30 s), open tickets held", "security": [{"agentToken": []}],
      "responses": {"200": {"description": "agents"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/conversations": {"get": {"summary": "Search past conversations by text (q) and/or customer (user id, name, session id); newest first, as stored (masked)", "security": [{"agentToken": []}, {"adminToken": []}],
      "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}, {"name": "customer", "in": "query", "schema": {"type": "string"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 50, "maximum": 100}}],
      "responses": {"200": {"description": "results: messages with session_id, customer, ticket_id"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/conversations/{id}/messages": {"get": {"summary": "A past conversation's transcript", "security": [{"agentToken": []}, {"adminToken": []}],
      "parameters": [{"$ref": "#/components/parameters/SessionId"}],
      "responses": {"200": {"description": "messages"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/v1/sessions/{id}/typing": {
      "get": {"summary": "Whether the agent is typing (for clients that poll; the event stream sends event: typing)", "security": [{"sessionToken": []}],
        "parameters": [{"$ref": "#/components/parameters/SessionId"}], "responses": {"200": {"description": "agent_typing"}, "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "The investor is typing (shown to the agent; at most one mark a second counts)", "security": [{"sessionToken": []}],
        "parameters": [{"$ref": "#/components/parameters/SessionId"}], "responses": {"200": {"description": "recorded"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/sessions/{id}/rating": {
      "get": {"summary": "Whether the session's ticket can be rated (closed after an agent took it, not rated yet) and its score", "security": [{"sessionToken": []}],
        "parameters": [{"$ref": "#/components/parameters/SessionId"}, {"name": "ticket_id", "in": "query", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "askable, score"}, "404": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Rate the human service of a closed ticket 1-5, once per ticket", "security": [{"sessionToken": []}],
        "parameters": [{"$ref": "#/components/parameters/SessionId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["ticket_id", "score"], "properties": {
          "ticket_id": {"type": "integer"}, "score": {"type": "integer", "minimum": 1, "maximum": 5}, "comment": {"type": "string"}}}}}},
        "responses": {"201": {"description": "rated"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/agent_alerts.js": {"get": {"summary": "The agent console's new-ticket alerts", "responses": {"200": {"description": "JavaScript"}}}},
    "/agent_panels.js": {"get": {"summary": "The agent console's notes, transfer, search and ratings", "responses": {"200": {"description": "JavaScript"}}}},
    "/v1/admin/whoami": {"get": {"summary": "The admin the token names", "security": [{"adminToken": []}],
      "responses": {"200": {"description": "{\"name\"}"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/kb/candidates": {"post": {"summary": "A candidate knowledge-base version: changes applied to the live version (or base), linted and evaluated against the live one",
      "security": [{"adminToken": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["changes"], "properties": {
        "note": {"type": "string"}, "base": {"type": "integer"},
        "changes": {"type": "array", "items": {"type": "object", "description": "{\"op\":\"add_variants\",\"entry_id\",\"questions\":[…]} or {\"op\":\"new_entry\",\"entry\":{\"id\",\"questions\",\"answer\",\"handoff\"?,\"tags\"?}}"}}}}}}},
      "responses": {"201": {"description": "the candidate", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/KbVersion"}}}},
        "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/kb/versions": {"get": {"summary": "Knowledge-base versions, newest first, with the live version's id",
      "security": [{"adminToken": []}], "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "default": 200}}],
      "responses": {"200": {"description": "{\"live\", \"serving\", \"versions\": [KbVersion]}"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/kb/versions/{id}": {"get": {"summary": "One version with its evaluation and its diff against its parent",
      "security": [{"adminToken": []}], "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "the version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/KbVersion"}}}},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/kb/versions/{id}/approve": {"post": {"summary": "Approve a candidate: by another admin than its author (maker-checker)",
      "security": [{"adminToken": []}], "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "approved"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/kb/versions/{id}/refuse": {"post": {"summary": "Refuse a candidate or approved version (any admin, its author included): it will not be released; the reason is kept with it and in the audit",
      "security": [{"adminToken": []}], "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string", "maxLength": 500}}}}}},
      "responses": {"200": {"description": "refused"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/kb/versions/{id}/release": {"post": {"summary": "Make an approved version live on every replica; refused (422 evaluation_regressed) when its evaluation regressed, unless override_reason is given",
      "security": [{"adminToken": []}], "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"override_reason": {"type": "string"}}}}}},
      "responses": {"200": {"description": "released"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/kb/rollback": {"post": {"summary": "Make an earlier (retired) version live again in one action",
      "security": [{"adminToken": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["to"], "properties": {"to": {"type": "integer"}}}}}},
      "responses": {"200": {"description": "rolled back"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/audit": {"get": {"summary": "Who created, approved, released, refused, rolled back and reloaded which version, newest first",
      "security": [{"adminToken": []}], "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "default": 100, "maximum": 1000}}],
      "responses": {"200": {"description": "[{\"at\", \"actor\", \"action\", \"version_id\", \"detail\"}]"}, "400": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/reload": {"post": {"summary": "Release the config directory as it is on disk as a new knowledge-base version (every replica then serves it); a broken one answers 422 with the lint errors while the old one keeps serving",
      "security": [{"adminToken": []}],
      "responses": {"200": {"description": "reloaded"}, "401": {"$ref": "#/components/responses/Error"},
        "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/unanswered": {"get": {"summary": "Questions the bot could not answer, newest first", "security": [{"adminToken": []}],
      "responses": {"200": {"description": "questions"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/investors/{id}/export": {"get": {"summary": "Everything stored about one investor (user id of POST /v1/chat or the IM platform's): each session with its transcript, as stored (masked)",
      "security": [{"adminToken": []}], "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "the investor's sessions (empty when nothing is stored)"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/investors/{id}": {"delete": {"summary": "Erase one investor's sessions with their messages, tickets, feedback and unanswered questions",
      "security": [{"adminToken": []}], "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "{\"erased_sessions\": n}"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/insights": {"get": {"summary": "Operators' figures over a period (?since=7d): conversations, deflection, clarify and fallback rates, handoffs by reason, thumbs, satisfaction after human service (mean 1-5 rating of the period's tickets, null when none), per-day figures, unanswered clusters (each with its nearest entry and `now`: what the live knowledge base replies to it now, answer / clarify / handoff / refused / not_found), per-entry figures",
      "security": [{"adminToken": []}],
      "parameters": [{"name": "since", "in": "query", "schema": {"type": "string", "default": "7d"}}],
      "responses": {"200": {"description": "figures"}, "400": {"$ref": "#/components/responses/Error"},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/admin/kb/entries": {"get": {"summary": "The live knowledge base's entries (id, title, category, number of questions), for the console's entry picker",
      "security": [{"adminToken": []}],
      "responses": {"200": {"description": "{\"kb_hash\", \"entries\": [{\"id\", \"title\", \"category\", \"questions\"}]}"},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "alive"}}}},
    "/readyz": {"get": {"summary": "Readiness: a knowledge base is loaded and the store can commit a write",
      "responses": {"200": {"description": "ready"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/metrics": {"get": {"summary": "Prometheus text exposition (admin token)", "security": [{"adminToken": []}],
      "responses": {"200": {"description": "metrics", "content": {"text/plain": {"schema": {"type": "string"}}}},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.0"}}}},
    "/": {"get": {"summary": "Demo page of the platform with the chat widget", "responses": {"200": {"description": "HTML"}}}},
    "/widget.js": {"get": {"summary": "The embeddable chat widget", "responses": {"200": {"description": "JavaScript"}}}},
    "/agent.js": {"get": {"summary": "The agent console's script", "responses": {"200": {"description": "JavaScript"}}}},
    "/agent.css": {"get": {"summary": "The agent console's styles", "responses": {"200": {"description": "CSS"}}}},
    "/demo.css": {"get": {"summary": "The demo page's styles", "responses": {"200": {"description": "CSS"}}}},
    "/agent": {"get": {"summary": "The agent console", "responses": {"200": {"description": "HTML"}}}},
    "/admin": {"get": {"summary": "The operators' console", "responses": {"200": {"description": "HTML"}}}},
    "/admin.js": {"get": {"summary": "The operators' console's script", "responses": {"200": {"description": "JavaScript"}}}},
    "/admin_fix.js": {"get": {"summary": "The operators' console: fixing an unanswered cluster (candidate versions)", "responses": {"200": {"description": "JavaScript"}}}},
    "/admin_releases.js": {"get": {"summary": "The operators' console: versions, approval, release, rollback, audit log", "responses": {"200": {"description": "JavaScript"}}}},
    "/admin.css": {"get": {"summary": "The operators' console's styles", "responses": {"200": {"description": "CSS"}}}}
  }
})JSON";

}  // namespace

const std::string& core_openapi_json() {
  static const std::string doc = nlohmann::json::parse(kDocument).dump();
  return doc;
}

std::string openapi_json(const std::vector<MountedRoute>& mounted) {
  nlohmann::json doc = nlohmann::json::parse(core_openapi_json());
  nlohmann::json& paths = doc["paths"];
  for (const MountedRoute& m : mounted) {
    std::string method = m.route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    nlohmann::json& item = paths[m.route.path];
    if (item.contains(method)) continue;
    item[method] = {{"summary", m.route.summary.empty() ? m.route.path : m.route.summary},
                    {"responses", {{"200", {{"description", "OK"}}}}}};
  }
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace faqbot::http
