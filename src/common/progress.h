// Progress of long work on stderr: a redrawn line when stderr is a terminal, else one plain line
// about every 10 seconds (a log keeps a trace without a line per document).
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

  // Sets the count done so far and an optional extra text ("1234 facts"). `fraction` (0..1) is
  // the share of the whole work done, when known otherwise than by `total` (bytes of input
  // read): it draws the bar and the ETA. Redraws at most 10x/s on a terminal; elsewhere writes a
  // line when 10 s have passed since the last.
  void update(size_t done, const std::string& extra = "", double fraction = -1);
  // Clears the line (also done by the destructor).
  void finish();

  bool enabled() const { return terminal_; }

 private:
  std::string label_, unit_;
  size_t total_;
  bool terminal_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace kg
