// Parsing kg match's Cypher subset: a tokenizer and a recursive-descent parser that refuses, with
// the column, whatever the subset leaves out.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/utf8.h"
#include "query/match_ast.h"

namespace kg::match_internal {
namespace {

struct Token {
  enum class Kind { kWord, kQuoted, kString, kInt, kDouble, kPunct, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;  // word as written, string contents, or punctuation
  size_t column = 0;
  size_t begin = 0, end = 0;  // byte offsets in the query
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

Status error_at(size_t column, const std::string& what) {
  return Status::invalid("column " + std::to_string(column) + ": " + what);
}

Result<std::vector<Token>> tokenize(std::string_view q) {
  std::vector<Token> out;
  size_t i = 0;
  // Columns count characters, not bytes.
  auto column_of = [&](size_t at) { return utf8::length(q.substr(0, at)) + 1; };
  while (i < q.size()) {
    const char c = q[i];
    if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
    if (c == '/' && i + 1 < q.size() && q[i + 1] == '/') {  // a comment to the end of the line
      while (i < q.size() && q[i] != '\n') ++i;
      continue;
    }
    Token t;
    t.begin = i;
    t.column = column_of(i);
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (static_cast<unsigned char>(c) & 0x80)) {
      size_t j = i;
      while (j < q.size() && (std::isalnum(static_cast<unsigned char>(q[j])) || q[j] == '_' ||
                              (static_cast<unsigned char>(q[j]) & 0x80))) {
        ++j;
      }
      t.kind = Token::Kind::kWord;
      t.text = std::string(q.substr(i, j - i));
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < q.size() && std::isdigit(static_cast<unsigned char>(q[j]))) ++j;
      bool real = false;
      if (j + 1 < q.size() && q[j] == '.' && std::isdigit(static_cast<unsigned char>(q[j + 1]))) {
        real = true;
        ++j;
        while (j < q.size() && std::isdigit(static_cast<unsigned char>(q[j]))) ++j;
      }
      t.kind = real ? Token::Kind::kDouble : Token::Kind::kInt;
      t.text = std::string(q.substr(i, j - i));
      i = j;
    } else if (c == '\'' || c == '"' || c == '`') {
      size_t j = i + 1;
      std::string text;
      bool closed = false;
      while (j < q.size()) {
        if (q[j] == '\\' && c != '`' && j + 1 < q.size()) {
          const char e = q[j + 1];
          text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          j += 2;
          continue;
        }
        if (q[j] == c) {
          if (c == '`' && j + 1 < q.size() && q[j + 1] == '`') {  // `` inside a quoted name
            text += '`';
            j += 2;
            continue;
          }
          closed = true;
          ++j;
          break;
        }
        text += q[j++];
      }
      if (!closed) return error_at(t.column, std::string("unterminated ") + (c == '`' ? "name" : "string"));
      t.kind = c == '`' ? Token::Kind::kQuoted : Token::Kind::kString;
      t.text = std::move(text);
      i = j;
    } else {
      static constexpr std::string_view kTwo[] = {"<>", "<=", ">=", "!=", "=~", ".."};
      t.kind = Token::Kind::kPunct;
      t.text = std::string(1, c);
      for (std::string_view two : kTwo) {
        if (q.substr(i, 2) == two) t.text = std::string(two);
      }
      static constexpr std::string_view kOne = "()[]{}:,.|*-<>=;+/%^$";
      if (t.text.size() == 1 && kOne.find(c) == std::string_view::npos) {
        return error_at(t.column, "unexpected character '" + t.text + "'");
      }
      i += t.text.size();
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  Token end;
  end.kind = Token::Kind::kEnd;
  end.begin = end.end = q.size();
  end.column = column_of(q.size());
  out.push_back(end);
  return out;
}

// Clauses and keywords of full Cypher that this subset leaves out, with what to say.
const char* unsupported_clause(const std::string& upper_word) {
  static const std::pair<const char*, const char*> kClauses[] = {
      {"CREATE", "CREATE is not supported: kg match only reads the graph"},
      {"MERGE", "MERGE is not supported: kg match only reads the graph"},
      {"DELETE", "DELETE is not supported: kg match only reads the graph"},
      {"DETACH", "DETACH DELETE is not supported: kg match only reads the graph"},
      {"SET", "SET is not supported: kg match only reads the graph"},
      {"REMOVE", "REMOVE is not supported: kg match only reads the graph"},
      {"OPTIONAL", "OPTIONAL MATCH is not supported"},
      {"WITH", "WITH is not supported (one MATCH, WHERE and RETURN)"},
      {"UNWIND", "UNWIND is not supported"},
      {"CALL", "CALL is not supported"},
      {"UNION", "UNION is not supported"},
      {"FOREACH", "FOREACH is not supported"},
      {"LOAD", "LOAD CSV is not supported"},
      {"USE", "USE is not supported"},
  };
  for (const auto& [word, message] : kClauses) {
    if (upper_word == word) return message;
  }
  return nullptr;
}

class Parser {
 public:
  Parser(std::string_view query, std::vector<Token> tokens) : q_(query), t_(std::move(tokens)) {}

  Result<Query> parse() {
    Query query;
    if (!keyword("MATCH")) return refuse_here("expected MATCH");
    KG_RETURN_IF_ERROR(pattern(query));
    if (punct(",")) return error_at(prev().column, "a second pattern after ',' is not supported (one path pattern)");
    if (is_keyword("MATCH")) return error_at(peek().column, "a second MATCH is not supported (one path pattern)");
    if (keyword("WHERE")) {
      KG_ASSIGN_OR_RETURN(query.where, expression());
    }
    if (!keyword("RETURN")) return refuse_here("expected WHERE or RETURN");
    query.distinct = keyword("DISTINCT");
    if (punct("*")) {
      query.star = true;
    } else {
      do {
        ReturnItem item;
        const size_t begin = peek().begin;
        KG_ASSIGN_OR_RETURN(item.expr, expression());
        item.name = std::string(q_.substr(begin, prev().end - begin));
        if (keyword("AS")) {
          if (peek().kind != Token::Kind::kWord && peek().kind != Token::Kind::kQuoted) {
            return refuse_here("expected a name after AS");
          }
          item.name = next().text;
        }
        query.items.push_back(std::move(item));
      } while (punct(","));
    }
    if (keyword("ORDER")) {
      if (!keyword("BY")) return refuse_here("expected BY after ORDER");
      do {
        SortItem item;
        KG_ASSIGN_OR_RETURN(item.expr, expression());
        if (keyword("DESC") || keyword("DESCENDING")) {
          item.descending = true;
        } else if (!keyword("ASC")) {
          keyword("ASCENDING");
        }
        query.order.push_back(std::move(item));
      } while (punct(","));
    }
    if (keyword("SKIP")) {
      KG_ASSIGN_OR_RETURN(int64_t n, count_literal("SKIP"));
      query.skip = n;
    }
    if (keyword("LIMIT")) {
      KG_ASSIGN_OR_RETURN(int64_t n, count_literal("LIMIT"));
      query.limit = n;
    }
    punct(";");
    if (peek().kind != Token::Kind::kEnd) return refuse_here("unexpected '" + peek().text + "' after the query");
    return query;
  }

 private:
  const Token& peek(size_t ahead = 0) const { return t_[std::min(pos_ + ahead, t_.size() - 1)]; }
  const Token& prev() const { return t_[pos_ == 0 ? 0 : pos_ - 1]; }
  const Token& next() { const Token& t = t_[pos_]; if (pos_ + 1 < t_.size()) ++pos_; return t; }
  bool is_keyword(const char* word, size_t ahead = 0) const {
    return peek(ahead).kind == Token::Kind::kWord && upper(peek(ahead).text) == word;
  }
  bool keyword(const char* word) {
    if (!is_keyword(word)) return false;
    next();
    return true;
  }
  bool is_punct(std::string_view p, size_t ahead = 0) const {
    return peek(ahead).kind == Token::Kind::kPunct && peek(ahead).text == p;
  }
  bool punct(std::string_view p) {
    if (!is_punct(p)) return false;
    next();
    return true;
  }

  // What is wrong at the current token: an unsupported clause by name, else `expected`.
  Status refuse_here(const std::string& expected) const {
    const Token& t = peek();
    if (t.kind == Token::Kind::kWord) {
      if (const char* message = unsupported_clause(upper(t.text))) return error_at(t.column, message);
    }
    const std::string found = t.kind == Token::Kind::kEnd ? "the end of the query" : "'" + t.text + "'";
    return error_at(t.column, expected + ", found " + found);
  }

  Result<int64_t> count_literal(const char* clause) {
    if (peek().kind != Token::Kind::kInt) return refuse_here(std::string("expected a whole number after ") + clause);
    const Token& t = next();
    int64_t n = 0;
    auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), n);
    if (ec != std::errc()) return error_at(t.column, "number too large");
    return n;
  }

  Result<std::string> name_token(const char* what) {
    if (peek().kind == Token::Kind::kWord || peek().kind == Token::Kind::kQuoted) return next().text;
    return refuse_here(std::string("expected ") + what);
  }

  Status pattern(Query& query) {
    if (peek().kind == Token::Kind::kWord && is_punct("=", 1)) {
      return error_at(peek().column, "path variables (p = ...) are not supported");
    }
    if (is_keyword("SHORTESTPATH") || is_keyword("ALLSHORTESTPATHS")) {
      return error_at(peek().column, "shortestPath() is not supported here (use kg path)");
    }
    KG_RETURN_IF_ERROR(node(query));
    while (is_punct("-") || is_punct("<")) {
      if (query.rels.size() == kMaxRelationships) {
        return error_at(peek().column, "a pattern of more than 3 relationships is not supported");
      }
      KG_RETURN_IF_ERROR(relationship(query));
      KG_RETURN_IF_ERROR(node(query));
    }
    return {};
  }

  Status properties(std::vector<std::pair<std::string, Value>>& props) {
    if (!punct("{")) return {};
    if (punct("}")) return {};
    do {
      KG_ASSIGN_OR_RETURN(std::string key, name_token("a property name"));
      if (!punct(":")) return refuse_here("expected ':' after " + key);
      const Token& t = peek();
      KG_ASSIGN_OR_RETURN(ExprPtr e, primary());
      if (e->op != Expr::Op::kLiteral) return error_at(t.column, "a pattern's property must be a literal");
      props.emplace_back(key, std::move(e->literal));
    } while (punct(","));
    if (!punct("}")) return refuse_here("expected ',' or '}'");
    return {};
  }

  Status node(Query& query) {
    NodePattern n;
    n.column = peek().column;
    if (!punct("(")) return refuse_here("expected '(' (a node)");
    if (peek().kind == Token::Kind::kWord || peek().kind == Token::Kind::kQuoted) n.var = next().text;
    if (punct(":")) {
      KG_ASSIGN_OR_RETURN(std::string label, name_token("a label"));
      n.labels.push_back(upper(label));
      for (;;) {
        if (punct("|")) {
          punct(":");
          KG_ASSIGN_OR_RETURN(std::string more, name_token("a label"));
          n.labels.push_back(upper(more));
        } else if (is_punct(":")) {
          return error_at(peek().column, "a node with two labels (:A:B) is not supported; a node has one type (:A|B for either)");
        } else {
          break;
        }
      }
    }
    KG_RETURN_IF_ERROR(properties(n.props));
    if (!punct(")")) return refuse_here("expected ')'");
    query.nodes.push_back(std::move(n));
    return {};
  }

  Status relationship(Query& query) {
    RelPattern r;
    r.column = peek().column;
    const bool left = punct("<");
    if (!punct("-")) return refuse_here("expected '-'");
    if (punct("[")) {
      if (peek().kind == Token::Kind::kWord || peek().kind == Token::Kind::kQuoted) r.var = next().text;
      if (punct(":")) {
        do {
          punct(":");
          KG_ASSIGN_OR_RETURN(std::string type, name_token("a relationship type"));
          std::replace(type.begin(), type.end(), '_', ' ');
          r.types.push_back(type);
        } while (punct("|"));
      }
      if (is_punct("*")) {
        return error_at(peek().column, "variable-length relationships (*) are not supported (at most 3 relationships, written out; or kg path)");
      }
      KG_RETURN_IF_ERROR(properties(r.props));
      if (!punct("]")) return refuse_here("expected ']'");
      if (!punct("-")) return refuse_here("expected '-'");
    } else if (!punct("-")) {
      return refuse_here("expected '[' or '-'");
    }
    const bool right = punct(">");
    if (left && right) return error_at(r.column, "a relationship cannot point both ways (<-->)");
    r.dir = left ? Dir::kLeft : right ? Dir::kRight : Dir::kBoth;
    query.rels.push_back(std::move(r));
    return {};
  }

  // expression := xor (OR xor)*; xor := and (XOR and)*; and := not (AND not)*;
  // not := NOT not | comparison
  Result<ExprPtr> expression() { return binary_chain(0); }

  Result<ExprPtr> binary_chain(int level) {
    static const std::pair<const char*, Expr::Op> kLevels[] = {
        {"OR", Expr::Op::kOr}, {"XOR", Expr::Op::kXor}, {"AND", Expr::Op::kAnd}};
    if (level == 3) return negation();
    const size_t begin = peek().begin;
    KG_ASSIGN_OR_RETURN(ExprPtr left, binary_chain(level + 1));
    while (is_keyword(kLevels[level].first)) {
      const size_t column = next().column;
      KG_ASSIGN_OR_RETURN(ExprPtr right, binary_chain(level + 1));
      left = combine(kLevels[level].second, column, std::move(left), std::move(right), begin);
    }
    return left;
  }

  ExprPtr combine(Expr::Op op, size_t column, ExprPtr a, ExprPtr b, size_t begin) {
    auto e = std::make_unique<Expr>();
    e->op = op;
    e->column = column;
    e->args.push_back(std::move(a));
    if (b) e->args.push_back(std::move(b));
    e->text = std::string(q_.substr(begin, prev().end - begin));
    return e;
  }

  Result<ExprPtr> negation() {
    if (is_keyword("NOT")) {
      const size_t begin = peek().begin, column = next().column;
      KG_ASSIGN_OR_RETURN(ExprPtr inner, negation());
      return combine(Expr::Op::kNot, column, std::move(inner), nullptr, begin);
    }
    return comparison();
  }

  Result<ExprPtr> comparison() {
    const size_t begin = peek().begin;
    KG_ASSIGN_OR_RETURN(ExprPtr left, operand());
    static const std::pair<const char*, Expr::Op> kOps[] = {
        {"=", Expr::Op::kEq}, {"<>", Expr::Op::kNe}, {"!=", Expr::Op::kNe}, {"<", Expr::Op::kLt},
        {"<=", Expr::Op::kLe}, {">", Expr::Op::kGt}, {">=", Expr::Op::kGe}};
    for (;;) {
      const Token& t = peek();
      std::optional<Expr::Op> op;
      if (t.kind == Token::Kind::kPunct) {
        for (const auto& [text, o] : kOps) {
          if (t.text == text) op = o;
        }
        if (t.text == "=~") return error_at(t.column, "regular expressions (=~) are not supported; use CONTAINS, STARTS WITH or ENDS WITH");
        if (!op) break;
        next();
      } else if (keyword("CONTAINS")) {
        op = Expr::Op::kContains;
      } else if (is_keyword("STARTS") || is_keyword("ENDS")) {
        op = upper(next().text) == "STARTS" ? Expr::Op::kStartsWith : Expr::Op::kEndsWith;
        if (!keyword("WITH")) return refuse_here("expected WITH");
      } else if (keyword("IN")) {
        op = Expr::Op::kIn;
      } else if (keyword("IS")) {
        const bool negated = keyword("NOT");
        if (!keyword("NULL")) return refuse_here("expected NULL");
        left = combine(negated ? Expr::Op::kIsNotNull : Expr::Op::kIsNull, t.column, std::move(left), nullptr, begin);
        continue;
      } else {
        break;
      }
      KG_ASSIGN_OR_RETURN(ExprPtr right, operand());
      left = combine(*op, t.column, std::move(left), std::move(right), begin);
    }
    return left;
  }

  Result<ExprPtr> operand() {
    KG_ASSIGN_OR_RETURN(ExprPtr e, primary());
    const Token& t = peek();
    if (t.kind == Token::Kind::kPunct &&
        (t.text == "+" || t.text == "-" || t.text == "*" || t.text == "/" || t.text == "%" || t.text == "^")) {
      return error_at(t.column, "arithmetic ('" + t.text + "') is not supported");
    }
    return e;
  }

  Result<ExprPtr> primary() {
    const Token& t = peek();
    auto e = std::make_unique<Expr>();
    e->column = t.column;
    const size_t begin = t.begin;
    auto finish = [&](ExprPtr x) {
      x->text = std::string(q_.substr(begin, prev().end - begin));
      return x;
    };
    switch (t.kind) {
      case Token::Kind::kString:
        e->literal = Value::string(next().text);
        return finish(std::move(e));
      case Token::Kind::kInt: {
        int64_t n = 0;
        auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), n);
        if (ec != std::errc()) return error_at(t.column, "number too large");
        next();
        e->literal = Value::integer(n);
        return finish(std::move(e));
      }
      case Token::Kind::kDouble:
        e->literal = Value::real(std::stod(next().text));
        return finish(std::move(e));
      case Token::Kind::kPunct:
        if (t.text == "(") {
          next();
          KG_ASSIGN_OR_RETURN(ExprPtr inner, expression());
          if (!punct(")")) return refuse_here("expected ')'");
          inner->text = std::string(q_.substr(begin, prev().end - begin));
          return inner;
        }
        if (t.text == "[") {
          next();
          e->op = Expr::Op::kList;
          if (!punct("]")) {
            do {
              KG_ASSIGN_OR_RETURN(ExprPtr item, expression());
              e->args.push_back(std::move(item));
            } while (punct(","));
            if (!punct("]")) return refuse_here("expected ',' or ']'");
          }
          return finish(std::move(e));
        }
        if (t.text == "$") return error_at(t.column, "parameters ($name) are not supported; write the value");
        if (t.text == "-" && (peek(1).kind == Token::Kind::kInt || peek(1).kind == Token::Kind::kDouble)) {
          next();
          KG_ASSIGN_OR_RETURN(ExprPtr number, primary());
          if (number->literal.kind == Value::Kind::kInt) number->literal.i = -number->literal.i;
          else number->literal.d = -number->literal.d;
          return finish(std::move(number));
        }
        return refuse_here("expected a value, a variable or a property");
      case Token::Kind::kWord:
      case Token::Kind::kQuoted:
        break;
      case Token::Kind::kEnd:
        return refuse_here("expected a value, a variable or a property");
    }
    const std::string word = next().text;
    const std::string up = t.kind == Token::Kind::kWord ? upper(word) : std::string();
    if (up == "TRUE" || up == "FALSE") {
      e->literal = Value::boolean(up == "TRUE");
      return finish(std::move(e));
    }
    if (up == "NULL") return finish(std::move(e));
    if (up == "CASE" || up == "EXISTS") return error_at(t.column, up + " is not supported");
    if (const char* message = unsupported_clause(up); message && !is_punct(".") && !is_punct("(")) {
      return error_at(t.column, message);
    }
    if (punct("(")) {
      std::string fn = word;
      std::transform(fn.begin(), fn.end(), fn.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
      if (fn == "count") {
        if (punct("*")) {
          e->op = Expr::Op::kCountStar;
        } else {
          e->op = Expr::Op::kCount;
          e->distinct = keyword("DISTINCT");
          KG_ASSIGN_OR_RETURN(ExprPtr arg, expression());
          e->args.push_back(std::move(arg));
        }
        if (!punct(")")) return refuse_here("expected ')'");
        return finish(std::move(e));
      }
      static constexpr std::string_view kFunctions[] = {"type", "id", "labels", "tolower", "toupper", "lower", "upper"};
      if (std::find(std::begin(kFunctions), std::end(kFunctions), fn) == std::end(kFunctions)) {
        return error_at(t.column, "function " + word + "() is not supported (count, type, id, labels, toLower, toUpper are)");
      }
      e->op = Expr::Op::kFunction;
      e->name = fn;
      KG_ASSIGN_OR_RETURN(ExprPtr arg, expression());
      e->args.push_back(std::move(arg));
      if (!punct(")")) return refuse_here("expected ')' (one argument)");
      return finish(std::move(e));
    }
    e->name = word;
    if (punct(".")) {
      KG_ASSIGN_OR_RETURN(e->property, name_token("a property name"));
      e->op = Expr::Op::kProperty;
      if (is_punct(".")) return error_at(peek().column, "nested properties are not supported");
    } else {
      e->op = Expr::Op::kVariable;
    }
    return finish(std::move(e));
  }

  std::string_view q_;
  std::vector<Token> t_;
  size_t pos_ = 0;
};

}  // namespace

Result<Query> parse_query(std::string_view text) {
  KG_ASSIGN_OR_RETURN(std::vector<Token> tokens, tokenize(text));
  return Parser(text, std::move(tokens)).parse();
}

}  // namespace kg::match_internal
