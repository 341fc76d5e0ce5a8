// Running a parsed kg match query: checks it against the graph's vocabulary, picks where to start
// (the node with the fewest candidates, else the relationship type with the fewest edges, else
// every edge), walks the pattern depth-first over the store's adjacency, and evaluates WHERE and
// RETURN on each match.
#include "query/match.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "doc/triple.h"
#include "query/fact_filter.h"
#include "query/match_ast.h"
#include "query/query.h"
#include "query/relations.h"

namespace kg {
namespace {

using match_internal::Dir;
using match_internal::Expr;
using match_internal::ExprPtr;
using match_internal::Query;
using match_internal::Value;
using Op = Expr::Op;

// How many edges a query may examine before it is refused as too broad.
constexpr uint64_t kEdgeBudget = 10'000'000;

constexpr std::string_view kNodeProperties[] = {"id", "name", "type", "mentions", "aliases"};
constexpr std::string_view kRelProperties[] = {"relation", "label", "negated", "count",
                                               "confidence", "date", "first_date", "last_date",
                                               "doc", "docs", "modality"};
// Relationship properties that describe single facts: WHERE may filter facts by them.
constexpr std::string_view kFactProperties[] = {"date", "confidence", "doc"};

template <typename List>
bool listed(const List& list, std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

std::string joined(const auto& list) {
  std::string out;
  for (std::string_view s : list) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

Status error_at(size_t column, const std::string& what) {
  return Status::invalid("column " + std::to_string(column) + ": " + what);
}

struct EdgeKeyHash {
  size_t operator()(const EdgeInfo* e) const {
    return std::hash<uint64_t>()(e->subject * 0x9E3779B97F4A7C15ULL ^ e->object ^
                                 (uint64_t{e->relation} << 1) ^ e->negated);
  }
};
bool same_edge(const EdgeInfo& a, const EdgeInfo& b) {
  return a.subject == b.subject && a.object == b.object && a.relation == b.relation &&
         a.negated == b.negated;
}

// An edge's facts as one relationship variable sees them (after the query's fact filters).
struct Facts {
  uint64_t count = 0;
  double confidence = 0;  // the highest
  std::string first_date, last_date;
  std::vector<std::string> docs;  // sorted, distinct
  std::vector<Evidence> kept;     // with evidence: the first ones kept
};

// A WHERE term on single facts: `r.date >= '1987-03-01'`.
struct FactTerm {
  std::string property;  // date, confidence or doc
  Op op;
  Value literal;
};

using Tri = std::optional<bool>;  // three-valued logic: nullopt is null

Tri compare(Op op, const Value& a, const Value& b);

bool fact_passes(const Evidence& fact, const FactTerm& f) {
  Value v = f.property == "confidence" ? Value::real(fact.confidence)
            : f.property == "date"     ? (fact.date.empty() ? Value::null() : Value::string(fact.date))
                                       : Value::string(fact.doc);
  return compare(f.op, v, f.literal).value_or(false);
}

bool values_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return a.number() == b.number();
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::kNull: return true;
    case Value::Kind::kBool: return a.b == b.b;
    case Value::Kind::kString: return a.s == b.s;
    case Value::Kind::kList:
      if (a.list.size() != b.list.size()) return false;
      for (size_t i = 0; i < a.list.size(); ++i) {
        if (!values_equal(a.list[i], b.list[i])) return false;
      }
      return true;
    default: return false;
  }
}

Tri compare(Op op, const Value& a, const Value& b) {
  if (op == Op::kIn) {
    if (b.kind != Value::Kind::kList || a.is_null()) return std::nullopt;
    bool unknown = false;
    for (const Value& x : b.list) {
      if (x.is_null()) unknown = true;
      else if (values_equal(a, x)) return true;
    }
    return unknown ? Tri() : Tri(false);
  }
  if (a.is_null() || b.is_null()) return std::nullopt;
  switch (op) {
    case Op::kEq: return values_equal(a, b);
    case Op::kNe: return !values_equal(a, b);
    case Op::kContains:
    case Op::kStartsWith:
    case Op::kEndsWith:
      if (a.kind != Value::Kind::kString || b.kind != Value::Kind::kString) return std::nullopt;
      return op == Op::kContains     ? a.s.find(b.s) != std::string::npos
             : op == Op::kStartsWith ? a.s.starts_with(b.s)
                                     : a.s.ends_with(b.s);
    default: break;
  }
  int c = 0;
  if (a.is_number() && b.is_number()) {
    c = a.number() < b.number() ? -1 : a.number() > b.number() ? 1 : 0;
  } else if (a.kind == Value::Kind::kString && b.kind == Value::Kind::kString) {
    c = a.s.compare(b.s);
  } else if (a.kind == Value::Kind::kBool && b.kind == Value::Kind::kBool) {
    c = int(a.b) - int(b.b);
  } else {
    return std::nullopt;
  }
  switch (op) {
    case Op::kLt: return c < 0;
    case Op::kLe: return c <= 0;
    case Op::kGt: return c > 0;
    case Op::kGe: return c >= 0;
    default: return std::nullopt;
  }
}

Op flipped(Op op) {
  switch (op) {
    case Op::kLt: return Op::kGt;
    case Op::kLe: return Op::kGe;
    case Op::kGt: return Op::kLt;
    case Op::kGe: return Op::kLe;
    default: return op;
  }
}

bool is_comparison(Op op) {
  return op == Op::kEq || op == Op::kNe || op == Op::kLt || op == Op::kLe || op == Op::kGt ||
         op == Op::kGe || op == Op::kContains || op == Op::kStartsWith || op == Op::kEndsWith;
}

bool is_aggregate(const Expr& e) {
  if (e.op == Op::kCountStar || e.op == Op::kCount) return true;
  for (const ExprPtr& a : e.args) {
    if (is_aggregate(*a)) return true;
  }
  return false;
}

void flatten_and(const Expr* e, std::vector<const Expr*>& out) {
  if (e->op == Op::kAnd) {
    for (const ExprPtr& a : e->args) flatten_and(a.get(), out);
  } else {
    out.push_back(e);
  }
}

// A total order for sorting result cells: null last, then by kind, then by value.
int cell_rank(const MatchCell& c) {
  return c.index() == 0 ? 100 : static_cast<int>(c.index());
}
int compare_cells(const MatchCell& a, const MatchCell& b) {
  const bool an = std::holds_alternative<int64_t>(a) || std::holds_alternative<double>(a);
  const bool bn = std::holds_alternative<int64_t>(b) || std::holds_alternative<double>(b);
  if (an && bn) {
    auto num = [](const MatchCell& c) {
      return std::holds_alternative<int64_t>(c) ? static_cast<double>(std::get<int64_t>(c)) : std::get<double>(c);
    };
    const double x = num(a), y = num(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (cell_rank(a) != cell_rank(b)) return cell_rank(a) < cell_rank(b) ? -1 : 1;
  return std::visit(
      [&](const auto& x) -> int {
        using T = std::decay_t<decltype(x)>;
        const T& y = std::get<T>(b);
        if constexpr (std::is_same_v<T, std::monostate>) {
          return 0;
        } else if constexpr (std::is_same_v<T, MatchNode>) {
          return x.name != y.name ? (x.name < y.name ? -1 : 1) : x.id.compare(y.id);
        } else if constexpr (std::is_same_v<T, MatchRelationship>) {
          return x.label != y.label ? (x.label < y.label ? -1 : 1) : int(x.count) - int(y.count);
        } else {
          return x < y ? -1 : y < x ? 1 : 0;
        }
      },
      a);
}

// A cell's identity as text, for DISTINCT and grouping.
std::string cell_key(const MatchCell& c) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        std::string tag(1, static_cast<char>('a' + c.index()));
        if constexpr (std::is_same_v<T, std::monostate>) {
          return tag;
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, int64_t>) {
          return tag + std::to_string(x);
        } else if constexpr (std::is_same_v<T, double>) {
          char buf[40];
          std::snprintf(buf, sizeof buf, "%.17g", x);
          return tag + buf;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return tag + x;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          std::string out = tag;
          for (const std::string& s : x) out += s + '\x1f';
          return out;
        } else if constexpr (std::is_same_v<T, MatchNode>) {
          return tag + x.id;
        } else {
          return tag + x.relation + '\x1f' + x.label + '\x1f' + std::to_string(x.negated) + '\x1f' +
                 std::to_string(x.count) + '\x1f' + std::to_string(x.docs.size());
        }
      },
      c);
}

MatchCell to_cell(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull: return std::monostate{};
    case Value::Kind::kBool: return v.b;
    case Value::Kind::kInt: return v.i;
    case Value::Kind::kDouble: return v.d;
    case Value::Kind::kString: return v.s;
    case Value::Kind::kList: {
      std::vector<std::string> out;
      for (const Value& x : v.list) {
        MatchCell c = to_cell(x);
        if (auto* s = std::get_if<std::string>(&c)) out.push_back(*s);
        else if (auto* i = std::get_if<int64_t>(&c)) out.push_back(std::to_string(*i));
        else if (auto* b = std::get_if<bool>(&c)) out.push_back(*b ? "true" : "false");
        else if (auto* d = std::get_if<double>(&c)) out.push_back(std::to_string(*d));
      }
      return out;
    }
  }
  return std::monostate{};
}

class Matcher {
 public:
  Matcher(GraphReader& store, Query query, const MatchOptions& options)
      : store_(store), q_(std::move(query)), options_(options) {}

  Result<MatchResult> run() {
    KG_RETURN_IF_ERROR(bind());
    KG_RETURN_IF_ERROR(plan_where());
    KG_RETURN_IF_ERROR(plan_return());
    KG_RETURN_IF_ERROR(search());
    return finish();
  }

 private:
  struct VarRef {
    bool node = true;
    size_t index = 0;
  };

  struct NodeRule {
    std::vector<std::string> labels;            // upper case; empty = any entity
    std::optional<std::unordered_set<EntityId>> candidates;
    std::optional<std::string> type;            // {type: ...}
    std::optional<int64_t> mentions;            // {mentions: ...}
  };

  struct RelRule {
    std::vector<RelationMatcher> types;
    std::unordered_map<RelationId, bool> type_ok;
    bool allow_negated = false;
    std::optional<bool> negated;                // {negated: ...}
    std::optional<std::string> label;           // {label: ...}, folded
    std::optional<std::string> relation;        // {relation: ...}
    std::vector<FactTerm> fact_filters;
    bool filters_facts = false;                 // fact filters apply (query-wide or its own)
  };

  // One match: an entity per node pattern, an edge per relationship pattern.
  struct Binding {
    std::vector<EntityId> nodes;
    std::vector<const EdgeInfo*> rels;
  };

  // A row being built: its cells, sort keys and the edges behind it.
  struct Row {
    std::vector<MatchCell> cells;
    std::vector<MatchCell> sort_keys;
    std::vector<std::pair<size_t, const EdgeInfo*>> edges;
    // Aggregation state: count(*) or count(x) per aggregate item, distinct keys for DISTINCT.
    std::vector<int64_t> counts;
    std::vector<std::set<std::string>> distinct_seen;
  };

  // ---- binding the query to the graph's vocabulary -------------------------------------------

  Status bind() {
    nodes_.resize(q_.nodes.size());
    same_var_.resize(q_.nodes.size());
    rels_.resize(q_.rels.size());
    for (size_t i = 0; i < q_.nodes.size(); ++i) {
      const auto& n = q_.nodes[i];
      if (!n.var.empty()) {
        auto it = vars_.find(n.var);
        if (it != vars_.end() && !it->second.node) {
          return error_at(n.column, "'" + n.var + "' is a relationship, not a node");
        }
        if (it == vars_.end()) {
          vars_[n.var] = {true, i};
        } else {  // (a)-...-(a): the same node again
          same_var_[i].push_back(it->second.index);
          same_var_[it->second.index].push_back(i);
        }
      }
      for (const std::string& label : n.labels) {
        if (!listed(kEntityTypes, label) && !is_value_type(label)) {
          return error_at(n.column, "unknown label :" + label + " (labels are entity types: " +
                                        joined(kEntityTypes) + "; or value types: " + joined(kValueTypes) + ")");
        }
      }
      nodes_[i].labels = n.labels;
      for (const auto& [key, value] : n.props) {
        if (key == "name" || key == "id") {
          if (value.kind != Value::Kind::kString) return error_at(n.column, key + " must be a string");
          KG_RETURN_IF_ERROR(add_candidates(i, key, value.s, /*exact=*/false, n.column));
        } else if (key == "type") {
          if (value.kind != Value::Kind::kString) return error_at(n.column, "type must be a string");
          nodes_[i].type = value.s;
        } else if (key == "mentions") {
          if (value.kind != Value::Kind::kInt) return error_at(n.column, "mentions must be a whole number");
          nodes_[i].mentions = value.i;
        } else {
          return error_at(n.column, "a node pattern can give name, id, type or mentions, not '" + key + "'");
        }
      }
    }
    for (size_t j = 0; j < q_.rels.size(); ++j) {
      const auto& r = q_.rels[j];
      if (!r.var.empty()) {
        if (vars_.count(r.var)) {
          return error_at(r.column, "'" + r.var + "' names something else already (each relationship variable once)");
        }
        vars_[r.var] = {false, j};
      }
      for (const std::string& type : r.types) rels_[j].types.emplace_back(type, false);
      for (const auto& [key, value] : r.props) {
        if (key == "negated" && value.kind == Value::Kind::kBool) {
          rels_[j].negated = value.b;
          rels_[j].allow_negated = true;
        } else if (key == "label" && value.kind == Value::Kind::kString) {
          rels_[j].label = fold_name(value.s);
        } else if (key == "relation" && value.kind == Value::Kind::kString) {
          rels_[j].relation = canonical_relation_query(value.s);
        } else {
          return error_at(r.column, "a relationship pattern can give negated (true or false), label or relation (strings), not '" + key + "'");
        }
      }
    }
    return {};
  }

  // Candidates of node i from a name (its name or an alias, any case; or exactly its canonical
  // name) or an id ("0123...", "id:0123...").
  Status add_candidates(size_t i, const std::string& key, const std::string& text, bool exact,
                        size_t column) {
    std::unordered_set<EntityId> found;
    if (key == "id") {
      std::string hex = text.starts_with("id:") ? text.substr(3) : text;
      char* end = nullptr;
      const EntityId id = std::strtoull(hex.c_str(), &end, 16);
      if (hex.size() != 16 || *end != '\0') return error_at(column, "bad node id '" + text + "' (16 hex digits)");
      found.insert(id);
    } else {
      KG_ASSIGN_OR_RETURN(std::vector<EntityInfo> entities, store_.find_entities(text));
      for (EntityInfo& e : entities) {
        if (exact && e.name != text) continue;
        found.insert(e.id);
        entity_cache_.emplace(e.id, std::move(e));
      }
    }
    auto& c = nodes_[i].candidates;
    if (!c) {
      c = std::move(found);
    } else {
      std::erase_if(*c, [&](EntityId id) { return !found.count(id); });
    }
    return {};
  }

  // Checks every variable and property the expression names; `in_return` allows count().
  Status check_expr(const Expr& e, bool aggregate_ok) {
    switch (e.op) {
      case Op::kVariable:
        if (!vars_.count(e.name)) return error_at(e.column, "unknown variable '" + e.name + "'");
        return {};
      case Op::kProperty: {
        auto it = vars_.find(e.name);
        if (it == vars_.end()) return error_at(e.column, "unknown variable '" + e.name + "'");
        if (it->second.node && !listed(kNodeProperties, e.property)) {
          return error_at(e.column, "nodes have no property '" + e.property + "' (they have " + joined(kNodeProperties) + ")");
        }
        if (!it->second.node && !listed(kRelProperties, e.property)) {
          return error_at(e.column, "relationships have no property '" + e.property + "' (they have " + joined(kRelProperties) + ")");
        }
        return {};
      }
      case Op::kCountStar:
      case Op::kCount:
        if (!aggregate_ok) return error_at(e.column, "count() is only allowed in RETURN");
        for (const ExprPtr& a : e.args) {
          if (is_aggregate(*a)) return error_at(a->column, "count() inside count() is not supported");
          KG_RETURN_IF_ERROR(check_expr(*a, false));
        }
        return {};
      case Op::kFunction:
        if ((e.name == "type" || e.name == "id" || e.name == "labels") &&
            e.args[0]->op != Op::kVariable) {
          return error_at(e.column, e.name + "() takes a variable");
        }
        if (e.name == "type" && vars_.count(e.args[0]->name) && vars_.at(e.args[0]->name).node) {
          return error_at(e.column, "type() takes a relationship (labels() gives a node's type)");
        }
        [[fallthrough]];
      default:
        for (const ExprPtr& a : e.args) KG_RETURN_IF_ERROR(check_expr(*a, aggregate_ok));
        return {};
    }
  }

  // Mentions of `prop` of relationship variables in e (to allow negated facts, or read facts).
  void mentioned_rel_properties(const Expr& e, std::set<std::pair<size_t, std::string>>& out) const {
    if (e.op == Op::kProperty || e.op == Op::kVariable) {
      auto it = vars_.find(e.name);
      if (it != vars_.end() && !it->second.node) out.emplace(it->second.index, e.op == Op::kProperty ? e.property : "*");
    }
    for (const ExprPtr& a : e.args) mentioned_rel_properties(*a, out);
  }

  Status plan_where() {
    const bool global_filters = !options_.since.empty() || !options_.until.empty() || options_.min_confidence > 0;
    for (auto& r : rels_) r.filters_facts = global_filters;
    if (!q_.where) return {};
    KG_RETURN_IF_ERROR(check_expr(*q_.where, false));
    std::set<std::pair<size_t, std::string>> mentioned;
    mentioned_rel_properties(*q_.where, mentioned);
    for (const auto& [j, prop] : mentioned) {
      if (prop == "negated") rels_[j].allow_negated = true;
    }
    std::vector<const Expr*> conjuncts;
    flatten_and(q_.where.get(), conjuncts);
    for (const Expr* c : conjuncts) {
      if ((is_comparison(c->op) || c->op == Op::kIn) && c->args.size() == 2) {
        const Expr* a = c->args[0].get();
        const Expr* b = c->args[1].get();
        Op op = c->op;
        if (a->op == Op::kLiteral && b->op == Op::kProperty) {
          std::swap(a, b);
          op = flipped(op);
          if (!is_comparison(op) || op == Op::kContains || op == Op::kStartsWith || op == Op::kEndsWith) {
            op = Op::kLiteral;  // not symmetric: left to WHERE
          }
        }
        if (a->op == Op::kProperty && b->op == Op::kLiteral && op != Op::kLiteral) {
          const VarRef v = vars_.at(a->name);
          if (!v.node && listed(kFactProperties, a->property)) {
            rels_[v.index].fact_filters.push_back({a->property, op, b->literal});
            rels_[v.index].filters_facts = true;
            continue;  // applied to each fact, not to the edge
          }
          if (v.node && op == Op::kEq && (a->property == "name" || a->property == "id") &&
              b->literal.kind == Value::Kind::kString) {
            KG_RETURN_IF_ERROR(add_candidates(v.index, a->property, b->literal.s, a->property == "name", c->column));
          }
        }
      }
      std::set<std::pair<size_t, std::string>> used;
      mentioned_rel_properties(*c, used);
      for (const auto& [j, prop] : used) {
        if (prop == "date" || prop == "doc") {
          return error_at(c->column, "a relationship's " + prop + " can only be compared with a value in WHERE's top-level AND (it keeps the facts that pass); use first_date, last_date or docs elsewhere");
        }
      }
      where_.push_back(c);
    }
    return {};
  }

  Status plan_return() {
    if (q_.star) {
      std::vector<std::pair<std::string, VarRef>> named(vars_.begin(), vars_.end());
      if (named.empty()) return error_at(1, "RETURN * needs a named variable in the pattern");
      auto position = [&](const std::pair<std::string, VarRef>& v) {
        return v.second.node ? 2 * v.second.index : 2 * v.second.index + 1;
      };
      std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) { return position(a) < position(b); });
      for (const auto& [name, ref] : named) {
        match_internal::ReturnItem item;
        item.expr = std::make_unique<Expr>();
        item.expr->op = Op::kVariable;
        item.expr->name = item.expr->text = item.name = name;
        q_.items.push_back(std::move(item));
      }
    }
    for (const auto& item : q_.items) {
      KG_RETURN_IF_ERROR(check_expr(*item.expr, true));
      const bool aggregate = is_aggregate(*item.expr);
      if (aggregate && item.expr->op != Op::kCountStar && item.expr->op != Op::kCount) {
        return error_at(item.expr->column, "count() must be a whole RETURN item");
      }
      aggregate_.push_back(aggregate);
      if (aggregate) aggregating_ = true;
      columns_.push_back(item.name);
    }
    for (const auto& item : q_.order) {
      std::optional<size_t> column;
      for (size_t i = 0; i < q_.items.size(); ++i) {
        if (item.expr->text == q_.items[i].name || item.expr->text == q_.items[i].expr->text) column = i;
      }
      if (!column) {
        if (aggregating_ || q_.distinct) {
          return error_at(item.expr->column, "with DISTINCT or count(), ORDER BY must name a returned column");
        }
        KG_RETURN_IF_ERROR(check_expr(*item.expr, false));
      }
      order_columns_.push_back(column);
    }
    const bool needs_all_rows = aggregating_ || !q_.order.empty();
    if (!needs_all_rows) {
      size_t want = 0;
      if (q_.limit) want = static_cast<size_t>(*q_.limit);
      if (options_.limit && (!want || options_.limit < want)) want = options_.limit;
      if (q_.limit || options_.limit) stream_rows_ = want + static_cast<size_t>(q_.skip.value_or(0));
    }
    return {};
  }

  // ---- the graph -------------------------------------------------------------------------------

  Result<const EntityInfo*> entity(EntityId id) {
    auto it = entity_cache_.find(id);
    if (it == entity_cache_.end()) {
      KG_ASSIGN_OR_RETURN(EntityInfo e, store_.entity(id));
      it = entity_cache_.emplace(id, std::move(e)).first;
    }
    return &it->second;
  }

  Result<const std::vector<EdgeInfo>*> adjacency(EntityId id) {
    auto it = adjacency_.find(id);
    if (it == adjacency_.end()) {
      KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store_.edges_of(id, Direction::kBoth));
      it = adjacency_.emplace(id, std::move(edges)).first;
    }
    return &it->second;
  }

  Result<const Facts*> facts(size_t j, const EdgeInfo& edge) {
    auto key = std::make_pair(j, &edge);
    auto it = facts_.find(key);
    if (it != facts_.end()) return &it->second;
    KG_ASSIGN_OR_RETURN(std::vector<Evidence> all, store_.evidence(edge, 0));
    Facts f;
    std::set<std::string> docs;
    for (Evidence& fact : all) {
      if (!FactFilter{options_.since, options_.until, options_.min_confidence}.keeps(fact)) continue;
      bool pass = true;
      for (const FactTerm& filter : rels_[j].fact_filters) pass = pass && fact_passes(fact, filter);
      if (!pass) continue;
      ++f.count;
      f.confidence = std::max(f.confidence, fact.confidence);
      if (!fact.date.empty()) {
        if (f.first_date.empty() || fact.date < f.first_date) f.first_date = fact.date;
        if (fact.date > f.last_date) f.last_date = fact.date;
      }
      docs.insert(fact.doc);
      if (options_.with_evidence && (options_.evidence_limit == 0 || f.kept.size() < options_.evidence_limit)) {
        f.kept.push_back(std::move(fact));
      }
    }
    f.docs.assign(docs.begin(), docs.end());
    return &facts_.emplace(key, std::move(f)).first->second;
  }

  Result<bool> node_ok(size_t i, EntityId id) {
    const NodeRule& rule = nodes_[i];
    if (rule.candidates && !rule.candidates->count(id)) return false;
    for (size_t other : same_var_[i]) {
      if (node_bound_[other] && binding_.nodes[other] != id) return false;
    }
    const bool value = is_value_id(id);
    if (rule.labels.empty()) {
      if (value) return false;
    } else {
      // Concepts and values are told by their ids; a named type needs the entity's type.
      bool fits = false, maybe = false;
      for (const std::string& label : rule.labels) {
        if (label == "CONCEPT") fits = fits || is_concept_id(id);
        else if (is_value_type(label)) maybe = maybe || value;
        else maybe = maybe || (!value && !is_concept_id(id));
      }
      if (!fits) {
        if (!maybe) return false;
        KG_ASSIGN_OR_RETURN(const EntityInfo* e, entity(id));
        if (!listed(rule.labels, e->type)) return false;
      }
    }
    if (rule.type || rule.mentions) {
      KG_ASSIGN_OR_RETURN(const EntityInfo* e, entity(id));
      if (rule.type && fold_name(*rule.type) != fold_name(e->type)) return false;
      if (rule.mentions && static_cast<int64_t>(e->mentions) != *rule.mentions) return false;
    }
    return true;
  }

  // Whether `edge` may be relationship j; with check_facts, also that the query's fact filters
  // leave it a fact (`edge` must then outlive the search: facts are cached by its address).
  Result<bool> rel_ok(size_t j, const EdgeInfo& edge, bool check_facts) {
    RelRule& rule = rels_[j];
    if (edge.negated && !rule.allow_negated) return false;
    if (rule.negated && edge.negated != *rule.negated) return false;
    if (!rule.types.empty()) {
      auto it = rule.type_ok.find(edge.relation);
      if (it == rule.type_ok.end()) {
        bool ok = std::any_of(rule.types.begin(), rule.types.end(),
                              [&](const RelationMatcher& m) { return m.matches(edge.relation_label); });
        it = rule.type_ok.emplace(edge.relation, ok).first;
      }
      if (!it->second) return false;
    }
    if (rule.label && fold_name(edge.relation_label) != *rule.label) return false;
    if (rule.relation && canonical_relation(edge.relation_label).relation != *rule.relation) return false;
    for (size_t other = 0; other < binding_.rels.size(); ++other) {
      if (other != j && binding_.rels[other] && same_edge(*binding_.rels[other], edge)) return false;
    }
    if (rule.filters_facts && check_facts) {
      KG_ASSIGN_OR_RETURN(const Facts* f, facts(j, edge));
      if (f->count == 0) return false;
    }
    return true;
  }

  // ---- the search --------------------------------------------------------------------------------

  Status search() {
    binding_.nodes.assign(q_.nodes.size(), 0);
    binding_.rels.assign(q_.rels.size(), nullptr);
    node_bound_.assign(q_.nodes.size(), 0);
    // Start at the node with the fewest candidates.
    std::optional<size_t> start;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].candidates && (!start || nodes_[i].candidates->size() < nodes_[*start].candidates->size())) start = i;
    }
    if (start) {
      std::vector<EntityId> ids(nodes_[*start].candidates->begin(), nodes_[*start].candidates->end());
      std::sort(ids.begin(), ids.end());
      for (EntityId id : ids) {
        KG_ASSIGN_OR_RETURN(bool ok, node_ok(*start, id));
        if (!ok) continue;
        binding_.nodes[*start] = id;
        node_bound_[*start] = 1;
        KG_RETURN_IF_ERROR(extend(*start, *start));
        node_bound_[*start] = 0;
        if (done_) break;
      }
      return {};
    }
    if (q_.rels.empty()) {
      // A lone node: every entity (or value) that fits.
      Status inner;
      KG_RETURN_IF_ERROR(store_.for_each_entity([&](const EntityInfo& e) {
        if (!inner.ok() || done_) return;
        entity_cache_.emplace(e.id, e);
        auto ok = node_ok(0, e.id);
        if (!ok.ok()) { inner = ok.status(); return; }
        if (!*ok) return;
        binding_.nodes[0] = e.id;
        inner = emit();
      }));
      return inner;
    }
    // Else at the relationship whose type has the fewest edges (one scan of the edge index), or
    // the first one.
    std::vector<std::vector<EdgeInfo>> typed(q_.rels.size());
    Status inner;
    KG_RETURN_IF_ERROR(store_.for_each_edge([&](const EdgeInfo& e) {
      if (!inner.ok()) return;
      for (size_t j = 0; j < q_.rels.size(); ++j) {
        if (!rels_[j].types.empty() || j == 0) {
          auto ok = rel_ok(j, e, false);  // facts later: `e` is a temporary
          if (!ok.ok()) { inner = ok.status(); return; }
          if (*ok) typed[j].push_back(e);
        }
      }
    }));
    KG_RETURN_IF_ERROR(inner);
    size_t j0 = 0;
    for (size_t j = 1; j < q_.rels.size(); ++j) {
      if (!rels_[j].types.empty() && (rels_[j0].types.empty() || typed[j].size() < typed[j0].size())) j0 = j;
    }
    scanned_ = std::move(typed[j0]);
    for (const EdgeInfo& e : scanned_) {
      // rels[j0] joins nodes[j0] and nodes[j0 + 1]; try the edge in each direction it allows.
      for (int flip = 0; flip < 2; ++flip) {
        const Dir dir = q_.rels[j0].dir;
        if (flip == 0 && dir == Dir::kLeft) continue;
        if (flip == 1 && (dir == Dir::kRight || (dir == Dir::kBoth && e.subject == e.object))) continue;
        const EntityId left = flip ? e.object : e.subject, right = flip ? e.subject : e.object;
        KG_ASSIGN_OR_RETURN(bool ok, rel_ok(j0, e, true));
        if (!ok) break;
        KG_ASSIGN_OR_RETURN(ok, node_ok(j0, left));
        if (!ok) continue;
        binding_.nodes[j0] = left;
        node_bound_[j0] = 1;
        auto right_ok = node_ok(j0 + 1, right);
        node_bound_[j0] = 0;
        KG_RETURN_IF_ERROR(right_ok.status());
        if (!*right_ok) continue;
        binding_.nodes[j0 + 1] = right;
        binding_.rels[j0] = &e;
        node_bound_[j0] = node_bound_[j0 + 1] = 1;
        KG_RETURN_IF_ERROR(extend(j0 + 1, j0));
        node_bound_[j0] = node_bound_[j0 + 1] = 0;
        binding_.rels[j0] = nullptr;
        if (done_) return {};
      }
    }
    return {};
  }

  // Extends a binding whose nodes [lo, hi] are bound: rightwards to the last node, then leftwards
  // to the first; emits each complete match.
  Status extend(size_t hi, size_t lo) {
    if (done_) return {};
    const bool right = hi + 1 < q_.nodes.size();
    if (!right && lo == 0) return emit();
    const size_t j = right ? hi : lo - 1;          // the relationship to bind
    const size_t from = right ? hi : lo, to = right ? hi + 1 : lo - 1;
    const EntityId v = binding_.nodes[from];
    KG_ASSIGN_OR_RETURN(const std::vector<EdgeInfo>* edges, adjacency(v));
    // Moving right, -[]-> leaves `v`; moving left, it enters `v`.
    const Dir dir = q_.rels[j].dir;
    const bool out_ok = dir == Dir::kBoth || (dir == Dir::kRight) == right;
    const bool in_ok = dir == Dir::kBoth || (dir == Dir::kLeft) == right;
    for (const EdgeInfo& e : *edges) {
      if (++examined_ > kEdgeBudget) {
        return Status::invalid("the pattern is too broad (over " + std::to_string(kEdgeBudget) +
                               " edges examined); name a node ({name: '...'}) or a relationship type, or add LIMIT");
      }
      EntityId other;
      if (e.subject == v && out_ok) other = e.object;
      else if (e.object == v && in_ok) other = e.subject;
      else continue;
      KG_ASSIGN_OR_RETURN(bool ok, rel_ok(j, e, true));
      if (!ok) continue;
      KG_ASSIGN_OR_RETURN(ok, node_ok(to, other));
      if (!ok) continue;
      binding_.nodes[to] = other;
      binding_.rels[j] = &e;
      node_bound_[to] = 1;
      KG_RETURN_IF_ERROR(right ? extend(hi + 1, lo) : extend(hi, lo - 1));
      node_bound_[to] = 0;
      binding_.rels[j] = nullptr;
      if (done_) return {};
    }
    return {};
  }

  // ---- evaluation ----------------------------------------------------------------------------

  Result<Value> property(const Expr& e) {
    const VarRef v = vars_.at(e.name);
    if (v.node) {
      const EntityId id = binding_.nodes[v.index];
      if (e.property == "id") return Value::string(node_id(id));
      KG_ASSIGN_OR_RETURN(const EntityInfo* info, entity(id));
      if (e.property == "name") return Value::string(info->name);
      if (e.property == "type") return Value::string(info->type);
      if (e.property == "mentions") return Value::integer(static_cast<int64_t>(info->mentions));
      Value list;
      list.kind = Value::Kind::kList;
      for (const std::string& a : info->aliases) list.list.push_back(Value::string(a));
      return list;
    }
    const EdgeInfo& edge = *binding_.rels[v.index];
    if (e.property == "label") return Value::string(edge.relation_label);
    if (e.property == "relation") return Value::string(canonical_relation(edge.relation_label).relation);
    if (e.property == "modality") {
      std::string m = canonical_relation(edge.relation_label).modality;
      return m.empty() ? Value::null() : Value::string(m);
    }
    if (e.property == "negated") return Value::boolean(edge.negated);
    if (e.property == "count" && !rels_[v.index].filters_facts) {
      return Value::integer(static_cast<int64_t>(edge.count));
    }
    KG_ASSIGN_OR_RETURN(const Facts* f, facts(v.index, edge));
    if (e.property == "count") return Value::integer(static_cast<int64_t>(f->count));
    if (e.property == "confidence") return Value::real(f->confidence);
    if (e.property == "first_date") return f->first_date.empty() ? Value::null() : Value::string(f->first_date);
    if (e.property == "last_date") return f->last_date.empty() ? Value::null() : Value::string(f->last_date);
    if (e.property == "date") {
      if (f->first_date.empty()) return Value::null();
      return Value::string(f->first_date == f->last_date ? f->first_date : f->first_date + ".." + f->last_date);
    }
    Value list;  // doc, docs
    list.kind = Value::Kind::kList;
    for (const std::string& d : f->docs) list.list.push_back(Value::string(d));
    return list;
  }

  Result<Tri> truth(const Expr& e) {
    KG_ASSIGN_OR_RETURN(Value v, eval(e));
    if (v.is_null()) return Tri();
    if (v.kind != Value::Kind::kBool) return error_at(e.column, "'" + e.text + "' is not true or false");
    return Tri(v.b);
  }

  Result<Value> eval(const Expr& e) {
    auto boolean = [](Tri t) { return t ? Value::boolean(*t) : Value::null(); };
    switch (e.op) {
      case Op::kLiteral: return e.literal;
      case Op::kList: {
        Value list;
        list.kind = Value::Kind::kList;
        for (const ExprPtr& a : e.args) {
          KG_ASSIGN_OR_RETURN(Value x, eval(*a));
          list.list.push_back(std::move(x));
        }
        return list;
      }
      case Op::kVariable: {
        // Compared as identities: (a)...(b) WHERE a <> b.
        const VarRef v = vars_.at(e.name);
        if (v.node) return Value::string("node:" + node_id(binding_.nodes[v.index]));
        const EdgeInfo& r = *binding_.rels[v.index];
        return Value::string("rel:" + node_id(r.subject) + node_id(r.object) + std::to_string(r.relation) + (r.negated ? "n" : ""));
      }
      case Op::kProperty: return property(e);
      case Op::kFunction: {
        if (e.name == "type") {
          const EdgeInfo& r = *binding_.rels[vars_.at(e.args[0]->name).index];
          return Value::string(canonical_relation(r.relation_label).relation);
        }
        if (e.name == "id" || e.name == "labels") {
          const VarRef v = vars_.at(e.args[0]->name);
          if (!v.node) return e.name == "id" ? Value::null() : Value();
          const EntityId id = binding_.nodes[v.index];
          if (e.name == "id") return Value::string(node_id(id));
          KG_ASSIGN_OR_RETURN(const EntityInfo* info, entity(id));
          Value list;
          list.kind = Value::Kind::kList;
          list.list.push_back(Value::string(info->type));
          return list;
        }
        KG_ASSIGN_OR_RETURN(Value x, eval(*e.args[0]));
        if (x.kind != Value::Kind::kString) return Value::null();
        const bool up = e.name == "toupper" || e.name == "upper";
        for (char& c : x.s) c = static_cast<char>(up ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
        return x;
      }
      case Op::kNot: {
        KG_ASSIGN_OR_RETURN(Tri t, truth(*e.args[0]));
        return boolean(t ? Tri(!*t) : Tri());
      }
      case Op::kAnd:
      case Op::kOr:
      case Op::kXor: {
        KG_ASSIGN_OR_RETURN(Tri a, truth(*e.args[0]));
        if (e.op == Op::kAnd && a == Tri(false)) return Value::boolean(false);
        if (e.op == Op::kOr && a == Tri(true)) return Value::boolean(true);
        KG_ASSIGN_OR_RETURN(Tri b, truth(*e.args[1]));
        if (e.op == Op::kAnd) return boolean(b == Tri(false) ? Tri(false) : (a && b) ? Tri(true) : Tri());
        if (e.op == Op::kOr) return boolean(b == Tri(true) ? Tri(true) : (a && b) ? Tri(false) : Tri());
        return boolean(a && b ? Tri(*a != *b) : Tri());
      }
      case Op::kIsNull:
      case Op::kIsNotNull: {
        KG_ASSIGN_OR_RETURN(Value x, eval(*e.args[0]));
        return Value::boolean(x.is_null() == (e.op == Op::kIsNull));
      }
      case Op::kCountStar:
      case Op::kCount:
        return Status::internal("count() evaluated per match");
      default: {
        KG_ASSIGN_OR_RETURN(Value a, eval(*e.args[0]));
        KG_ASSIGN_OR_RETURN(Value b, eval(*e.args[1]));
        return boolean(compare(e.op, a, b));
      }
    }
  }

  Result<MatchCell> cell(const Expr& e) {
    if (e.op == Op::kVariable) {
      const VarRef v = vars_.at(e.name);
      if (v.node) {
        const EntityId id = binding_.nodes[v.index];
        KG_ASSIGN_OR_RETURN(const EntityInfo* info, entity(id));
        return MatchCell(MatchNode{node_id(id), info->name, info->type});
      }
      const EdgeInfo& edge = *binding_.rels[v.index];
      KG_ASSIGN_OR_RETURN(const Facts* f, facts(v.index, edge));
      return MatchCell(MatchRelationship{canonical_relation(edge.relation_label).relation,
                                         edge.relation_label, edge.negated, f->count, f->docs});
    }
    KG_ASSIGN_OR_RETURN(Value v, eval(e));
    return to_cell(v);
  }

  // One complete match: WHERE, then a new row or a group's counts.
  Status emit() {
    for (const Expr* c : where_) {
      KG_ASSIGN_OR_RETURN(Tri t, truth(*c));
      if (t != Tri(true)) return {};
    }
    Row row;
    for (size_t i = 0; i < q_.items.size(); ++i) {
      if (aggregate_[i]) {
        row.cells.emplace_back();
        continue;
      }
      KG_ASSIGN_OR_RETURN(MatchCell c, cell(*q_.items[i].expr));
      row.cells.push_back(std::move(c));
    }
    for (size_t j = 0; j < binding_.rels.size(); ++j) row.edges.emplace_back(j, binding_.rels[j]);
    std::string key;
    if (aggregating_ || q_.distinct) {
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (!aggregate_[i]) key += cell_key(row.cells[i]) + '\x1e';
      }
    }
    Row* target = nullptr;
    if (aggregating_ || q_.distinct) {
      auto [it, added] = groups_.emplace(key, rows_.size());
      if (!added) {
        target = &rows_[it->second];
        if (target->edges.size() < kEdgesPerRow) target->edges.insert(target->edges.end(), row.edges.begin(), row.edges.end());
      }
    }
    if (!target) {
      for (size_t k = 0; k < q_.order.size(); ++k) {
        if (order_columns_[k]) {
          row.sort_keys.emplace_back();  // filled from the cells at the end
        } else {
          KG_ASSIGN_OR_RETURN(Value v, eval(*q_.order[k].expr));
          row.sort_keys.push_back(to_cell(v));
        }
      }
      row.counts.assign(q_.items.size(), 0);
      row.distinct_seen.resize(q_.items.size());
      rows_.push_back(std::move(row));
      target = &rows_.back();
    }
    for (size_t i = 0; i < q_.items.size(); ++i) {
      if (!aggregate_[i]) continue;
      const Expr& agg = *q_.items[i].expr;
      if (agg.op == Op::kCountStar) {
        ++target->counts[i];
        continue;
      }
      KG_ASSIGN_OR_RETURN(MatchCell c, cell(*agg.args[0]));
      if (std::holds_alternative<std::monostate>(c)) continue;
      if (agg.distinct && !target->distinct_seen[i].insert(cell_key(c)).second) continue;
      ++target->counts[i];
    }
    if (stream_rows_ && rows_.size() >= stream_rows_) done_ = true;
    return {};
  }

  Result<MatchResult> finish() {
    MatchResult out;
    out.columns = columns_;
    // count(*) alone over no match is one row of zeros, as in Cypher.
    if (rows_.empty() && aggregating_ && std::all_of(aggregate_.begin(), aggregate_.end(), [](bool a) { return a; })) {
      Row zero;
      zero.cells.resize(q_.items.size());
      zero.counts.assign(q_.items.size(), 0);
      zero.sort_keys.resize(q_.order.size());
      rows_.push_back(std::move(zero));
    }
    for (Row& row : rows_) {
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (aggregate_[i]) row.cells[i] = row.counts[i];
      }
      for (size_t k = 0; k < order_columns_.size(); ++k) {
        if (order_columns_[k]) row.sort_keys[k] = row.cells[*order_columns_[k]];
      }
    }
    if (!q_.order.empty()) {
      std::stable_sort(rows_.begin(), rows_.end(), [&](const Row& a, const Row& b) {
        for (size_t k = 0; k < q_.order.size(); ++k) {
          int c = compare_cells(a.sort_keys[k], b.sort_keys[k]);
          if (c != 0) return q_.order[k].descending ? c > 0 : c < 0;
        }
        return false;
      });
    }
    size_t first = std::min(rows_.size(), static_cast<size_t>(q_.skip.value_or(0)));
    size_t last = rows_.size();
    if (q_.limit) last = std::min(last, first + static_cast<size_t>(*q_.limit));
    if (options_.limit) last = std::min(last, first + options_.limit);
    for (size_t r = first; r < last; ++r) {
      out.rows.push_back(std::move(rows_[r].cells));
      if (!options_.with_evidence) continue;
      std::vector<MatchEvidence> evidence;
      std::set<std::pair<size_t, const EdgeInfo*>> seen;
      for (const auto& [j, edge] : rows_[r].edges) {
        if (!seen.insert({j, edge}).second) continue;
        KG_ASSIGN_OR_RETURN(const Facts* f, facts(j, *edge));
        std::string name = q_.rels[j].var;
        if (name.empty()) name.append("#").append(std::to_string(j + 1));
        for (const Evidence& fact : f->kept) evidence.push_back({name, fact});
      }
      out.evidence.push_back(std::move(evidence));
    }
    return out;
  }

  static constexpr size_t kEdgesPerRow = 20;

  GraphReader& store_;
  Query q_;
  MatchOptions options_;
  std::map<std::string, VarRef> vars_;
  std::vector<std::vector<size_t>> same_var_;  // node patterns naming the same variable
  std::vector<NodeRule> nodes_;
  std::vector<RelRule> rels_;
  std::vector<const Expr*> where_;      // WHERE's terms left after fact filters
  std::vector<std::string> columns_;
  std::vector<bool> aggregate_;
  bool aggregating_ = false;
  std::vector<std::optional<size_t>> order_columns_;
  size_t stream_rows_ = 0;  // stop once this many rows are made (0: make all)

  Binding binding_;
  std::vector<char> node_bound_;
  bool done_ = false;
  uint64_t examined_ = 0;
  std::vector<EdgeInfo> scanned_;
  std::unordered_map<EntityId, EntityInfo> entity_cache_;
  std::unordered_map<EntityId, std::vector<EdgeInfo>> adjacency_;
  std::map<std::pair<size_t, const EdgeInfo*>, Facts> facts_;
  std::vector<Row> rows_;
  std::unordered_map<std::string, size_t> groups_;
};

}  // namespace

Result<MatchResult> run_match(GraphReader& store, std::string_view query, const MatchOptions& options) {
  KG_ASSIGN_OR_RETURN(match_internal::Query parsed, match_internal::parse_query(query));
  return Matcher(store, std::move(parsed), options).run();
}

}  // namespace kg
