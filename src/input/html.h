// HTML to plain text for articles saved as HTML: detection, tag stripping, entity decoding.
#pragma once

#include <string>
#include <string_view>

namespace kg::input {

// True when `text` has <html>, <body> or <!DOCTYPE html>, or at least two known tags (<p>, <br>,
// <div>, <a ...>, <h1> ...). "a < b", "<3" and "<name@example.com>" are not tags.
bool looks_like_html(std::string_view text);

// Converts HTML to text: <script>, <style>, <head> and comments are dropped, block elements end
// lines (paragraphs, headings and divs with a blank line), other tags vanish, entities are decoded
// and whitespace runs collapse to one space. The <title> text is stored in `title` when not null.
std::string html_to_text(std::string_view html, std::string* title = nullptr);

// Decodes character references (&amp; &lt; &#8217; &#x2019; and common named ones); unknown or
// malformed references are kept as they are.
std::string decode_entities(std::string_view s);

}  // namespace kg::input
