#include "bot/store/pg_conn.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace faqbot::store::pg {

namespace {

Status status_from(PGconn* conn, const PGresult* result, const std::string& what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = what + ": ";
  const char* detail = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  message += (detail && *detail) ? detail : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  const std::string code = state ? state : "";
  if (code == "23503") return {StatusCode::kNotFound, message};           // foreign key
  if (code.rfind("23", 0) == 0) return {StatusCode::kInvalidArgument, message};  // constraint
  if (code.rfind("22", 0) == 0) return {StatusCode::kInvalidArgument, message};  // data
  return {StatusCode::kInternal, message};
}

}  // namespace

Params& Params::add(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  values_.emplace_back(buffer);
  return *this;
}

int64_t Rows::int64(int row, int col) const {
  return std::strtoll(PQgetvalue(result_.get(), row, col), nullptr, 10);
}

double Rows::dbl(int row, int col) const {
  return std::strtod(PQgetvalue(result_.get(), row, col), nullptr);
}

int64_t Rows::affected() const {
  const char* n = PQcmdTuples(result_.get());
  return (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& conninfo,
                                                     const std::string& schema) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return Status(StatusCode::kInternal, "PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    Status st(StatusCode::kInternal, std::string("cannot connect to PostgreSQL: ") +
                                         PQerrorMessage(conn));
    PQfinish(conn);
    return st;
  }
  // Server NOTICEs ("already exists, skipping") are not errors: drop them
  // instead of letting libpq print them on stderr.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  std::unique_ptr<Connection> c(new Connection(conn, schema));
  if (Status st = c->configure(); !st.ok()) return st;
  return c;
}

Connection::~Connection() { PQfinish(conn_); }

Status Connection::configure() {
  if (PQsetClientEncoding(conn_, "UTF8") != 0) {
    return {StatusCode::kInternal, std::string("set client encoding: ") + PQerrorMessage(conn_)};
  }
  if (schema_.empty()) return Status::Ok();
  auto quoted = quote_schema(schema_);
  if (!quoted.ok()) return quoted.status();
  return run("SET search_path TO " + quoted.value());
}

Status Connection::ensure_alive() {
  if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE) {
    return Status::Ok();
  }
  if (PQstatus(conn_) == CONNECTION_OK) {
    // Left inside a transaction by an earlier failure: end it.
    PQclear(PQexec(conn_, "ROLLBACK"));
    if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      return Status::Ok();
    }
  }
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    return {StatusCode::kInternal,
            std::string("PostgreSQL connection lost: ") + PQerrorMessage(conn_)};
  }
  return configure();
}

Result<Rows> Connection::exec(const std::string& sql, const Params& params) {
  const auto& values = params.values();
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& v : values) pointers.push_back(v.c_str());
  PGresult* result = PQexecParams(conn_, sql.c_str(), static_cast<int>(pointers.size()), nullptr,
                                  pointers.data(), nullptr, nullptr, /*text results*/ 0);
  const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Rows(result);
  Status st = status_from(conn_, result, "PostgreSQL");
  PQclear(result);
  return st;
}

Status Connection::run(const std::string& sql) {
  auto rows = exec(sql);
  return rows.ok() ? Status::Ok() : rows.status();
}

Result<std::string> quote_schema(const std::string& name) {
  bool valid = !name.empty() && name.size() <= 63 &&
               (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_');
  for (char ch : name) {
    valid = valid && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_');
  }
  if (!valid) {
    return Status(StatusCode::kInvalidArgument,
                  "PostgreSQL schema name must match [A-Za-z_][A-Za-z0-9_]{0,62}: " + name);
  }
  return "\"" + name + "\"";
}

}  // namespace faqbot::store::pg
