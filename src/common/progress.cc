// Progress line on a terminal.
#include "common/progress.h"

#include <unistd.h>

#include <cstdio>

namespace kg {

Progress::Progress(std::string label, size_t total, std::string unit)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      total_(total),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_ - std::chrono::seconds(1)) {}

Progress::~Progress() { finish(); }

void Progress::update(size_t done, const std::string& extra) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && done != total_) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? done / secs : 0;
  char bar[32] = {0};
  if (total_ > 0) {
    int filled = static_cast<int>(20.0 * static_cast<double>(done) / static_cast<double>(total_));
    for (int i = 0; i < 20; ++i) bar[i] = i < filled ? '#' : '.';
    std::fprintf(stderr, "\r\033[K%s [%s] %zu/%zu %s  %.0f %s/s  %s", label_.c_str(), bar, done,
                 total_, unit_.c_str(), rate, unit_.c_str(), extra.c_str());
  } else {
    std::fprintf(stderr, "\r\033[K%s %zu %s  %.0f %s/s  %s", label_.c_str(), done, unit_.c_str(),
                 rate, unit_.c_str(), extra.c_str());
  }
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace kg
