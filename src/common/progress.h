// A progress line on stderr for long work, drawn only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace kg {

// Not thread-safe: call from one thread (the one that collects results).
class Progress {
 public:
  // `total` may be 0 when unknown. `unit` names what is counted ("docs", "triples").
  Progress(std::string label, size_t total, std::string unit);
  ~Progress();

  // Sets the count done so far and an optional extra text ("1234 facts"); redraws at most 10x/s.
  void update(size_t done, const std::string& extra = "");
  // Clears the line (also done by the destructor).
  void finish();

  bool enabled() const { return enabled_; }

 private:
  std::string label_, unit_;
  size_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace kg
