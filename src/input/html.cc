// A small, linear-time HTML-to-text converter (no DOM): enough for saved news pages.
#include "input/html.h"

#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "common/utf8.h"

namespace kg::input {
namespace {

const std::unordered_set<std::string_view>& known_tags() {
  static const std::unordered_set<std::string_view> kTags = {
      "a",      "abbr",   "article", "aside", "b",      "blockquote", "body",   "br",
      "caption", "cite",  "code",    "dd",    "div",    "dl",         "dt",     "em",
      "figcaption", "figure", "footer", "font", "h1",   "h2",         "h3",     "h4",
      "h5",     "h6",     "head",    "header", "hr",    "html",       "i",      "img",
      "li",     "link",   "main",    "meta",  "nav",    "ol",         "p",      "pre",
      "q",      "s",      "script",  "section", "small", "span",      "strong", "style",
      "sub",    "sup",    "table",   "tbody", "td",     "th",         "thead",  "time",
      "title",  "tr",     "u",       "ul",    "noscript", "iframe",   "form",   "input",
      "button", "label",  "select",  "option", "textarea", "svg",     "picture", "source"};
  return kTags;
}

// Elements that end a paragraph (blank line) or a line.
bool is_paragraph_block(std::string_view tag) {
  static const std::unordered_set<std::string_view> kBlocks = {
      "p",      "div",    "h1",     "h2",     "h3",    "h4",     "h5",         "h6",
      "article", "section", "header", "footer", "blockquote", "figure", "figcaption", "table",
      "ul",     "ol",     "dl",     "main",   "aside", "nav",    "pre",        "hr",
      "title",  "form"};
  return kBlocks.count(tag) > 0;
}

bool is_line_block(std::string_view tag) {
  return tag == "br" || tag == "li" || tag == "tr" || tag == "dt" || tag == "dd" ||
         tag == "caption";
}

// Elements whose content is dropped.
bool is_hidden(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "head" || tag == "noscript" ||
         tag == "svg" || tag == "iframe" || tag == "template";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Tag {
  std::string name;  // lowercase, without '/'
  bool closing = false;
  size_t end = 0;    // position after '>'
};

// Parses a tag at `pos` (s[pos] == '<'); returns false when it is not a tag.
bool parse_tag(std::string_view s, size_t pos, Tag& tag) {
  size_t i = pos + 1;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  size_t name_start = i;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])))) ++i;
  if (i == name_start) return false;
  tag.name = lower(s.substr(name_start, i - name_start));
  if (!known_tags().count(tag.name)) return false;
  if (i < s.size() && !(s[i] == '>' || s[i] == '/' || std::isspace(static_cast<unsigned char>(s[i])))) {
    return false;
  }
  // Find '>' outside quotes.
  char quote = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag.end = i + 1;
      return true;
    } else if (c == '<') {
      return false;
    }
  }
  return false;
}

const std::unordered_map<std::string_view, char32_t>& named_entities() {
  static const std::unordered_map<std::string_view, char32_t> kNamed = {
      {"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},     {"ndash", 0x2013}, {"mdash", 0x2014},
      {"hellip", 0x2026}, {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C},
      {"rdquo", 0x201D},  {"sbquo", 0x201A},  {"bdquo", 0x201E}, {"laquo", 0xAB},
      {"raquo", 0xBB},    {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122},
      {"euro", 0x20AC},   {"pound", 0xA3},    {"yen", 0xA5},     {"cent", 0xA2},
      {"deg", 0xB0},      {"middot", 0xB7},   {"bull", 0x2022},  {"times", 0xD7},
      {"divide", 0xF7},   {"sect", 0xA7},     {"para", 0xB6},    {"shy", 0xAD},
      {"eacute", 0xE9},   {"egrave", 0xE8},   {"aacute", 0xE1},  {"agrave", 0xE0},
      {"iacute", 0xED},   {"oacute", 0xF3},   {"uacute", 0xFA},  {"ntilde", 0xF1},
      {"ccedil", 0xE7},   {"uuml", 0xFC},     {"ouml", 0xF6},    {"auml", 0xE4},
      {"Eacute", 0xC9},   {"Uuml", 0xDC},     {"Ouml", 0xD6},    {"Auml", 0xC4},
      {"szlig", 0xDF},    {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},
      {"prime", 0x2032},  {"frac12", 0xBD},   {"frac14", 0xBC},  {"frac34", 0xBE}};
  return kNamed;
}

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The position after the close tag matching `tag` (a hidden element opened before `i`; matched
// case-insensitively), or the end of `html`.
size_t skip_hidden(std::string_view html, const Tag& tag, size_t i) {
  std::string close = "</" + tag.name;
  size_t j = i;
  for (;;) {
    j = html.find("</", j);
    if (j == std::string_view::npos) return html.size();
    if (lower(html.substr(j, close.size())) == close) {
      size_t end = html.find('>', j);
      return end == std::string_view::npos ? html.size() : end + 1;
    }
    j += 2;
  }
}

// The raw text of the <title> inside a skipped <head>, "" when none.
std::string title_in_head(std::string_view head) {
  std::string lh = lower(head);
  size_t t0 = lh.find("<title");
  if (t0 == std::string::npos) return "";
  size_t gt = lh.find('>', t0);
  size_t t1 = lh.find("</title", gt == std::string::npos ? t0 : gt);
  if (gt == std::string::npos || t1 == std::string::npos) return "";
  return std::string(head.substr(gt + 1, t1 - gt - 1));
}

// Pass 1: drops tags and hidden content, turning blocks into markers '\x01' (line) and '\x02'
// (paragraph); everything else is text with HTML whitespace. The title's raw text is appended
// to `title_text`.
std::string strip_markup(std::string_view html, std::string& title_text) {
  std::string raw;
  raw.reserve(html.size());
  bool in_title = false;
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c != '<') {
      raw += c;
      if (in_title) title_text += c;
      ++i;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {  // doctype, pi
      size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    Tag tag;
    if (!parse_tag(html, i, tag)) {
      raw += c;
      ++i;
      continue;
    }
    i = tag.end;
    if (tag.name == "title") {
      in_title = !tag.closing;
      raw += '\x02';
      continue;
    }
    if (is_hidden(tag.name) && !tag.closing) {
      i = skip_hidden(html, tag, i);
      // The title sits inside <head>: pick it up from the skipped part.
      if (tag.name == "head") title_text += title_in_head(html.substr(tag.end, i - tag.end));
      continue;
    }
    if (is_paragraph_block(tag.name)) {
      raw += '\x02';
    } else if (is_line_block(tag.name)) {
      raw += '\x01';
    }
  }
  return raw;
}

// Pass 2 (after entities are decoded): collapses whitespace and turns markers into line breaks.
std::string lay_out(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  int pending_break = 0;  // 0 none, 1 line, 2 paragraph
  bool pending_space = false;
  for (char c : text) {
    if (c == '\x01' || c == '\x02') {
      pending_break = std::max(pending_break, c == '\x01' ? 1 : 2);
      pending_space = false;
      continue;
    }
    if (is_html_space(c)) {
      pending_space = true;
      continue;
    }
    if (!out.empty()) {
      if (pending_break == 2) {
        out += "\n\n";
      } else if (pending_break == 1) {
        out += '\n';
      } else if (pending_space) {
        out += ' ';
      }
    }
    pending_break = 0;
    pending_space = false;
    out += c;
  }
  return out;
}

// Whitespace runs as one space, none at the ends.
std::string collapse_spaces(const std::string& s) {
  std::string collapsed;
  bool space = false;
  for (char c : s) {
    if (is_html_space(c)) {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  return collapsed;
}

}  // namespace

bool looks_like_html(std::string_view text) {
  size_t tags = 0;
  std::string head = lower(text.substr(0, 1024));
  if (head.find("<!doctype html") != std::string::npos) return true;
  for (size_t pos = text.find('<'); pos != std::string_view::npos; pos = text.find('<', pos + 1)) {
    Tag tag;
    if (!parse_tag(text, pos, tag)) continue;
    if (tag.name == "html" || tag.name == "body") return true;
    if (++tags >= 2) return true;
  }
  return false;
}

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    size_t semi = s.substr(i + 1, 12).find(';');  // bounded: linear time
    if (semi != std::string_view::npos) semi += i + 1;
    if (semi == std::string_view::npos) {
      out += s[i++];
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (name.size() >= 2 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      uint32_t v = 0;
      bool ok = !digits.empty();
      for (char c : digits) {
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c))
                    ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                    : -1;
        if (d < 0 || v > 0x10FFFF) {
          ok = false;
          break;
        }
        v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
      if (ok && v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) cp = v;
    } else if (auto it = named_entities().find(name); it != named_entities().end()) {
      cp = it->second;
    }
    if (cp == 0) {
      out += s[i++];
      continue;
    }
    utf8::append(out, cp);
    i = semi + 1;
  }
  return out;
}

std::string html_to_text(std::string_view html, std::string* title) {
  std::string title_text;
  const std::string raw = strip_markup(html, title_text);
  std::string out = lay_out(decode_entities(raw));
  if (title) *title = collapse_spaces(decode_entities(title_text));
  return out;
}

}  // namespace kg::input
