#include "bot/store/sql/postgres_connection.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace faqbot::store::sql {

const Dialect kPostgresDialect = {
    /*name=*/"postgresql",
    /*int64_type=*/"BIGINT",
    /*real_type=*/"DOUBLE PRECISION",
    /*bool_type=*/"BOOLEAN",
    /*serial_key=*/"BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    /*without_rowid=*/"",
    /*returning_id=*/" RETURNING id",
    /*lock_rows=*/" FOR UPDATE",
    /*lock_rows_skip_locked=*/" FOR UPDATE SKIP LOCKED",
    // Delivered to every LISTENing connection when the transaction commits.
    /*notify_message=*/"SELECT pg_notify('faqbot_messages', CAST(?1 AS TEXT) || ' ' || CAST(?2 AS TEXT))",
    // Transaction-scoped, keyed by the schema: replicas of other deployments
    // in other schemas of the same database do not wait for each other.
    /*migration_lock=*/"SELECT pg_advisory_xact_lock(hashtext('faqbot.schema:' || current_schema()))",
};

std::string dollar_placeholders(std::string_view sql) {
  std::string out(sql);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '?' && std::isdigit(static_cast<unsigned char>(out[i + 1]))) out[i] = '$';
  }
  return out;
}

Status postgres_status(PGconn* conn, const PGresult* result, const std::string& what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = what + ": ";
  const char* detail = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  message += (detail && *detail) ? detail : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  const std::string code = state ? state : "";
  if (code == "23503") return {StatusCode::kNotFound, message};                  // foreign key
  if (code.rfind("23", 0) == 0) return {StatusCode::kInvalidArgument, message};  // constraint
  if (code.rfind("22", 0) == 0) return {StatusCode::kInvalidArgument, message};  // data
  return {StatusCode::kInternal, message};
}

void PostgresStatement::set(int index, std::string value) {
  if (index < 1) return;
  if (params_.size() < static_cast<size_t>(index)) params_.resize(static_cast<size_t>(index));
  params_[static_cast<size_t>(index) - 1] = std::move(value);
}

void PostgresStatement::bind_double(int index, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  set(index, buffer);
}

Result<bool> PostgresStatement::step() {
  if (row_ < 0) {
    std::vector<const char*> values;
    values.reserve(params_.size());
    for (const std::string& v : params_) values.push_back(v.c_str());
    result_.reset(PQexecParams(conn_, sql_.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, /*text results*/ 0));
    const ExecStatusType status = result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      Status st = postgres_status(conn_, result_.get(), "PostgreSQL");
      result_.reset();
      return st;
    }
  }
  ++row_;
  return row_ < PQntuples(result_.get());
}

int64_t PostgresStatement::int_at(int column) const {
  return std::strtoll(PQgetvalue(result_.get(), row_, column), nullptr, 10);
}

double PostgresStatement::double_at(int column) const {
  return std::strtod(PQgetvalue(result_.get(), row_, column), nullptr);
}

std::string PostgresStatement::text_at(int column) const {
  return std::string(PQgetvalue(result_.get(), row_, column),
                     static_cast<size_t>(PQgetlength(result_.get(), row_, column)));
}

int64_t PostgresStatement::affected() const {
  const char* n = result_ ? PQcmdTuples(result_.get()) : nullptr;
  return (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
}

int64_t PostgresStatement::inserted_id() const {
  if (!result_ || PQntuples(result_.get()) < 1) return 0;
  return std::strtoll(PQgetvalue(result_.get(), 0, 0), nullptr, 10);
}

void PostgresStatement::reset() {
  params_.clear();
  result_.reset();
  row_ = -1;
}

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::open(const std::string& conninfo,
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
  std::unique_ptr<PostgresConnection> c(new PostgresConnection(conn, schema));
  if (Status st = c->configure(); !st.ok()) return st;
  return c;
}

PostgresConnection::~PostgresConnection() {
  cache_.clear();
  PQfinish(conn_);
}

Status PostgresConnection::configure() {
  if (PQsetClientEncoding(conn_, "UTF8") != 0) {
    return {StatusCode::kInternal, std::string("set client encoding: ") + PQerrorMessage(conn_)};
  }
  if (schema_.empty()) return Status::Ok();
  auto quoted = quote_schema(schema_);
  if (!quoted.ok()) return quoted.status();
  return exec("SET search_path TO " + quoted.value());
}

Status PostgresConnection::ensure_alive() {
  if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE) {
    return Status::Ok();
  }
  if (PQstatus(conn_) == CONNECTION_OK) {
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

Result<Query> PostgresConnection::prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found == cache_.end()) {
    found = cache_.emplace(sql, std::make_unique<PostgresStatement>(conn_, dollar_placeholders(sql)))
                .first;
  }
  return Query(found->second.get());
}

Status PostgresConnection::exec(const std::string& sql) {
  PGresult* result = PQexec(conn_, sql.c_str());
  const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  Status st = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
                  ? Status::Ok()
                  : postgres_status(conn_, result, "PostgreSQL");
  PQclear(result);
  return st;
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

}  // namespace faqbot::store::sql
