// Hand-set structural confidence model.
#include "extract/confidence.h"

#include <algorithm>

namespace kg::extract {

double score_proposition(const DepTree& t, const Proposition& p) {
  double c = 0.55;
  const int sh = p.subject.head;
  if (sh < 0) {
    c -= 0.25;
  } else {
    std::string_view u = t.upos(sh);
    if (u == "PROPN") c += 0.08;
    if (u == "PRON") c -= p.rel_pronoun_subject ? 0.0 : 0.08;
    const int len = t.sub_last(sh) - t.sub_first(sh) + 1;
    if (len > 8) c -= std::min(0.15, 0.01 * (len - 8));
  }
  if (p.object.present()) {
    c += 0.1;
    const int len = t.sub_last(p.object.head) - t.sub_first(p.object.head) + 1;
    if (len > 10) c -= std::min(0.1, 0.005 * (len - 10));
  } else if (!p.obliques.empty()) {
    c += 0.03;
  } else {
    c -= 0.1;
  }
  c -= 0.07 * std::min(p.subject_hops, 3);
  if (p.embedded) c -= 0.08;
  if (p.kind == PropKind::kAppos) c -= 0.05;
  if (p.chain.size() > 2) c -= 0.05;
  if (t.size() > 40) c -= 0.05;
  if (t.size() > 60) c -= 0.05;
  return std::clamp(c, 0.05, 0.95);
}

}  // namespace kg::extract
