// Word lists shared by extraction and the store (titles.h).
#include "common/titles.h"

#include <unordered_set>

namespace kg {

bool is_title_word(std::string_view w) {
  static const std::unordered_set<std::string_view> titles = {
      "president", "secretary", "minister", "ambassador", "chief", "senator", "sen", "governor",
      "gov", "mayor", "chairman", "chairwoman", "chair", "chairperson", "director", "spokesman",
      "spokeswoman", "spokesperson", "representative", "rep", "general", "gen", "admiral",
      "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "major",
      "judge", "justice", "king", "queen", "prince", "princess", "pope", "bishop", "archbishop",
      "cardinal", "ceo", "cfo", "coo", "chancellor", "commissioner", "envoy", "counterpart",
      "leader", "deputy", "vice", "attorney", "officer", "commander", "coach", "manager",
      "founder", "co-founder", "premier", "emperor", "empress", "sheikh", "lord", "dr",
      "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "sir", "dame", "rabbi",
      "reverend", "rev", "imam", "pastor", "speaker", "congressman", "congresswoman",
      "lawmaker", "diplomat", "ayatollah", "duke", "duchess", "count", "countess", "baron",
      "prosecutor", "inspector", "superintendent", "detective", "sheriff", "marshal",
      "treasurer", "economist", "analyst", "adviser", "advisor", "aide", "executive",
      "head", "boss", "owner", "president-elect", "secretary-general", "dictator", "prime",
      "chairmen", "official", "spokesmen", "mp", "mep", "senators", "presidents", "governors",
      "ministers", "ambassadors", "undersecretary", "czar", "tsar", "president", "commander-in-chief",
      "emir", "sultan", "monarch", "regent", "magistrate", "councillor", "councilman",
      "councilwoman", "alderman", "assemblyman", "assemblywoman", "delegate", "consul",
  };
  return titles.count(w) > 0;
}

bool ends_in_surname(std::string_view name) {
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    const std::string_view w = name.substr(i, j - i);
    if (w == "of" || w == "the" || w == "for" || w == "and") return false;
    i = j + 1;
  }
  return true;
}

bool is_generic_org_head(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "bank", "banks", "commission", "company", "companies", "group", "ministry", "government",
      "council", "committee", "department", "agency", "board", "court", "union", "association",
      "corporation", "party", "fund", "exchange", "authority", "office", "administration",
      "bureau", "institute", "federation", "community", "organisation", "organization", "trust",
      "holdings", "partners", "industries", "securities", "treasury", "cabinet", "parliament",
      "senate", "house", "army", "police", "state", "states", "federal", "central", "national",
      "international", "general", "express", "capital", "financial", "investment", "services"};
  return s.count(w) > 0;
}

}  // namespace kg
