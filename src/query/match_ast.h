// kg match's parsed query (match_parse.cc builds it, match.cc runs it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kg::match_internal {

// A literal or computed value while evaluating (nodes and relationships are referred to by
// variable, so they are not values here).
struct Value {
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kList };
  Kind kind = Kind::kNull;
  bool b = false;
  int64_t i = 0;
  double d = 0;
  std::string s;
  std::vector<Value> list;

  static Value null() { return {}; }
  static Value boolean(bool v) { Value x; x.kind = Kind::kBool; x.b = v; return x; }
  static Value integer(int64_t v) { Value x; x.kind = Kind::kInt; x.i = v; return x; }
  static Value real(double v) { Value x; x.kind = Kind::kDouble; x.d = v; return x; }
  static Value string(std::string v) { Value x; x.kind = Kind::kString; x.s = std::move(v); return x; }
  bool is_null() const { return kind == Kind::kNull; }
  bool is_number() const { return kind == Kind::kInt || kind == Kind::kDouble; }
  double number() const { return kind == Kind::kInt ? static_cast<double>(i) : d; }
};

struct Expr {
  enum class Op {
    kLiteral, kList, kVariable, kProperty, kCountStar, kCount, kFunction,
    kNot, kAnd, kOr, kXor,
    kEq, kNe, kLt, kLe, kGt, kGe, kContains, kStartsWith, kEndsWith, kIn, kIsNull, kIsNotNull,
  };
  Op op = Op::kLiteral;
  size_t column = 0;       // 1-based, where it starts in the query
  Value literal;           // kLiteral
  std::string name;        // kVariable / kProperty: the variable; kFunction: its name (lower case)
  std::string property;    // kProperty
  bool distinct = false;   // kCount
  std::vector<std::unique_ptr<Expr>> args;  // operands, list items, function arguments
  std::string text;        // the source text (RETURN's column names, ORDER BY on a column)
};
using ExprPtr = std::unique_ptr<Expr>;

struct NodePattern {
  std::string var;  // "" when anonymous
  size_t column = 0;
  std::vector<std::string> labels;  // alternatives, upper case
  std::vector<std::pair<std::string, Value>> props;
};

enum class Dir { kRight, kLeft, kBoth };  // -[]->, <-[]-, -[]-

struct RelPattern {
  std::string var;
  size_t column = 0;
  std::vector<std::string> types;  // alternatives, '_' read as ' '
  Dir dir = Dir::kBoth;
  std::vector<std::pair<std::string, Value>> props;
};

struct ReturnItem {
  ExprPtr expr;
  std::string name;  // alias or source text
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Query {
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;    // rels[i] joins nodes[i] and nodes[i + 1]
  ExprPtr where;                   // may be null
  bool distinct = false;
  bool star = false;               // RETURN *
  std::vector<ReturnItem> items;
  std::vector<SortItem> order;
  std::optional<int64_t> skip, limit;
};

// Parses `text`; kInvalidInput "column N: ..." when it is outside the subset.
Result<Query> parse_query(std::string_view text);

inline constexpr size_t kMaxRelationships = 3;

}  // namespace kg::match_internal
