// A hand-made CoNLL-U example with GUM-style Entity= annotation (invented sentences, not GUM text):
// two documents, coreference chains, Wikipedia identities, a nested mention and a time mention.
#pragma once

namespace kg::eval::test {

// news_a: "Ada Lovelace met Charles Babbage in London. She wrote to him.\n\nLovelace's notes were
// published in March." news_b: "Babbage lived in London."
// clang-format off
inline constexpr const char* kTwoNewsDocs =
    "# newdoc id = news_a\n"
    "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity\n"
    "# newpar\n"
    "# text = Ada Lovelace met Charles Babbage in London.\n"
    "1\tAda\t_\tPROPN\t_\t_\t3\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1,2-coref-Ada_Lovelace\n"
    "2\tLovelace\t_\tPROPN\t_\t_\t1\tflat\t_\tEntity=1)\n"
    "3\tmet\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "4\tCharles\t_\tPROPN\t_\t_\t3\tobj\t_\tEntity=(2-person-new-sssss-cf2-1,2-coref-Charles_Babbage\n"
    "5\tBabbage\t_\tPROPN\t_\t_\t4\tflat\t_\tEntity=2)\n"
    "6\tin\t_\tADP\t_\t_\t7\tcase\t_\t_\n"
    "7\tLondon\t_\tPROPN\t_\t_\t3\tobl\t_\tEntity=(3-place-new-nnnnn-cf3-1-sgl-London)|SpaceAfter=No\n"
    "8\t.\t_\tPUNCT\t_\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = She wrote to him.\n"
    "1\tShe\t_\tPRON\t_\t_\t2\tnsubj\t_\tEntity=(1-person-giv:act-sssss-cf1-1-ana-Ada_Lovelace)\n"
    "2\twrote\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\tto\t_\tADP\t_\t_\t4\tcase\t_\t_\n"
    "4\thim\t_\tPRON\t_\t_\t2\tobl\t_\tEntity=(2-person-giv:act-sssss-cf2-1-ana-Charles_Babbage)|SpaceAfter=No\n"
    "5\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# newpar\n"
    "# text = Lovelace's notes were published in March.\n"
    "1\tLovelace\t_\tPROPN\t_\t_\t3\tnmod:poss\t_\tEntity=(4-abstract-new-nnnnn-cf4-2-sgl(1-person-giv:inact-sssss-cf1-1-coref-Ada_Lovelace)|SpaceAfter=No\n"
    "2\t's\t_\tPART\t_\t_\t1\tcase\t_\t_\n"
    "3\tnotes\t_\tNOUN\t_\t_\t5\tnsubj:pass\t_\tEntity=4)\n"
    "4\twere\t_\tAUX\t_\t_\t5\taux:pass\t_\t_\n"
    "5\tpublished\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "6\tin\t_\tADP\t_\t_\t7\tcase\t_\t_\n"
    "7\tMarch\t_\tPROPN\t_\t_\t5\tobl\t_\tEntity=(5-time-new-nnnnn-cf5-1-sgl)|SpaceAfter=No\n"
    "8\t.\t_\tPUNCT\t_\t_\t5\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = news_b\n"
    "# text = Babbage lived in London.\n"
    "1\tBabbage\t_\tPROPN\t_\t_\t2\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-coref-Charles_Babbage)\n"
    "2\tlived\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\tin\t_\tADP\t_\t_\t4\tcase\t_\t_\n"
    "4\tLondon\t_\tPROPN\t_\t_\t2\tobl\t_\tEntity=(2-place-new-nnnnn-cf2-1-sgl-London)|SpaceAfter=No\n"
    "5\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n";
// clang-format on

}  // namespace kg::eval::test
