// Progress line on a terminal, or a line every 10 s in a log.
#include "common/progress.h"

#include <unistd.h>

#include <cstdio>

namespace kg {
namespace {

// "1:05" or "1:02:05".
std::string duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

Progress::Progress(std::string label, size_t total, std::string unit)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      total_(total),
      terminal_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(size_t done, const std::string& extra, double fraction) {
  auto now = std::chrono::steady_clock::now();
  if (terminal_) {
    if (now - last_ < std::chrono::milliseconds(100) && (total_ == 0 || done != total_)) return;
  } else if (now - last_ < std::chrono::seconds(10)) {
    return;
  }
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? done / secs : 0;
  if (fraction < 0 && total_ > 0) fraction = static_cast<double>(done) / static_cast<double>(total_);
  if (fraction > 1) fraction = 1;
  std::string line = label_;
  if (fraction >= 0) {
    char bar[21] = {0};
    const int filled = static_cast<int>(20.0 * fraction);
    for (int i = 0; i < 20; ++i) bar[i] = i < filled ? '#' : '.';
    line += std::string(" [") + bar + "] " + std::to_string(static_cast<int>(100 * fraction)) + "%";
  }
  line += " " + std::to_string(done);
  if (total_ > 0) line += "/" + std::to_string(total_);
  char speed[64];
  std::snprintf(speed, sizeof speed, " %s  %.0f %s/s", unit_.c_str(), rate, unit_.c_str());
  line += speed;
  if (!extra.empty()) line += "  " + extra;
  if (fraction > 0.001 && fraction < 1) line += "  ETA " + duration(secs * (1 - fraction) / fraction);
  if (terminal_) {
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    drawn_ = true;
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (terminal_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace kg
