// The int64 add merge operator and the zero-count compaction filter.
#include "store/counters.h"

#include <vector>

#include "store/codec.h"

namespace kg::store {
namespace {

class Int64Add : public rocksdb::MergeOperator {
 public:
  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    int64_t sum = 0;
    if (in.existing_value != nullptr) {
      auto v = decode_count(in.existing_value->ToStringView());
      if (!v) return false;
      sum = *v;
    }
    for (const auto& op : in.operand_list) {
      auto v = decode_count(op.ToStringView());
      if (!v) return false;
      sum += *v;
    }
    out->new_value = encode_count(sum);
    return true;
  }

  bool PartialMergeMulti(const rocksdb::Slice&, const std::deque<rocksdb::Slice>& ops,
                         std::string* new_value, rocksdb::Logger*) const override {
    int64_t sum = 0;
    for (const auto& op : ops) {
      auto v = decode_count(op.ToStringView());
      if (!v) return false;
      sum += *v;
    }
    *new_value = encode_count(sum);
    return true;
  }

  bool PartialMerge(const rocksdb::Slice&, const rocksdb::Slice& left,
                    const rocksdb::Slice& right, std::string* new_value,
                    rocksdb::Logger*) const override {
    auto l = decode_count(left.ToStringView());
    auto r = decode_count(right.ToStringView());
    if (!l || !r) return false;
    *new_value = encode_count(*l + *r);
    return true;
  }

  const char* Name() const override { return "kg.Int64Add"; }
};

bool is_counter_key(int cf, std::string_view key) {
  switch (cf) {
    case kCfMeta:
      return is_meta_counter_key(key);
    case kCfRelations: {
      RelationId id;
      const RelationKeyKind kind = parse_relation_key(key, &id);
      return kind == RelationKeyKind::kCount || kind == RelationKeyKind::kSpelling;
    }
    case kCfLinks:
    case kCfMentions:
    case kCfNames:
    case kCfOutEdges:
    case kCfInEdges:
      return true;
    default:
      return false;
  }
}

class ZeroCountFilter : public rocksdb::CompactionFilter {
 public:
  explicit ZeroCountFilter(int cf) : cf_(cf) {}

  bool Filter(int, const rocksdb::Slice& key, const rocksdb::Slice& value, std::string*,
              bool*) const override {
    if (!is_counter_key(cf_, key.ToStringView())) return false;
    auto v = decode_count(value.ToStringView());
    return v && *v == 0;
  }

  const char* Name() const override { return "kg.ZeroCountFilter"; }

 private:
  int cf_;
};

}  // namespace

std::shared_ptr<rocksdb::MergeOperator> int64_add_operator() {
  static const auto op = std::make_shared<Int64Add>();
  return op;
}

const rocksdb::CompactionFilter* zero_count_filter(int cf) {
  static const auto* const filters = [] {
    auto* all = new std::vector<ZeroCountFilter>();
    for (int i = 0; i < kCfCount; ++i) all->emplace_back(i);
    return all;
  }();
  return cf >= 0 && cf < kCfCount ? &(*filters)[static_cast<size_t>(cf)] : nullptr;
}

}  // namespace kg::store
