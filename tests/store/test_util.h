// Helpers shared by the store tests: temporary database directories and small documents.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "store/store.h"

namespace kg::test {

// A fresh directory path (not created) under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> n{0};
    path_ = std::filesystem::temp_directory_path() /
            ("kg_store_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    std::filesystem::remove_all(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string str() const { return path_.string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline Triple fact(const std::string& doc, const std::string& s, const std::string& r,
                   const std::string& o, const std::string& s_text = "",
                   const std::string& o_text = "") {
  Triple t;
  t.doc = doc;
  t.subject = s;
  t.relation = r;
  t.object = o;
  t.subject_text = s_text;
  t.object_text = o_text;
  t.subject_type = "PERSON";
  t.object_type = "ORG";
  t.sentence = 0;
  t.text = s + " " + r + " " + o + ".";
  return t;
}

inline DocumentFacts doc_of(const std::string& id, std::vector<Triple> triples) {
  DocumentFacts d;
  d.id = id;
  d.triples = std::move(triples);
  return d;
}

}  // namespace kg::test
