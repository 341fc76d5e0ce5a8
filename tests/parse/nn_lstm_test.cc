#include "train/nn_lstm_train.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

using kg::nn::LstmCache;
using kg::train::LstmGrads;
using kg::nn::LstmWeights;

namespace {

// A two-layer BiLSTM (the second layer reads both directions of the first) with the loss
// sum over words and units of r * output.
struct TwoLayers {
  static constexpr int kIn = 5, kL = 3, kN = 4, kG = 4 * kL, kC = 2 * kL;
  // [layer][dir]: wx, wh, b.
  std::vector<float> wx[2][2], wh[2][2], b[2][2];
  std::vector<float> x, r;

  explicit TwoLayers(uint64_t seed) {
    std::mt19937_64 g(seed);
    auto fill = [&g](std::vector<float>& v, size_t n, float scale) {
      std::uniform_real_distribution<float> u(-scale, scale);
      v.resize(n);
      for (float& e : v) e = u(g);
    };
    for (int layer = 0; layer < 2; ++layer) {
      const int in = layer == 0 ? kIn : kC;
      for (int dir = 0; dir < 2; ++dir) {
        fill(wx[layer][dir], static_cast<size_t>(in) * kG, 0.6f);
        fill(wh[layer][dir], static_cast<size_t>(kL) * kG, 0.6f);
        fill(b[layer][dir], kG, 0.3f);
      }
    }
    fill(x, kN * kIn, 1.f);
    fill(r, kN * kC, 1.f);
  }

  LstmWeights weights(int layer, int dir) const {
    return {wx[layer][dir].data(), wh[layer][dir].data(), b[layer][dir].data(),
            layer == 0 ? kIn : kC, kL};
  }

  // Runs forward (filling h1, out and the caches) and returns the loss, in double.
  double forward(std::vector<float>& h1, std::vector<float>& out, LstmCache (&cache)[2][2]) const {
    h1.assign(kN * kC, 0.f);
    out.assign(kN * kC, 0.f);
    for (int dir = 0; dir < 2; ++dir) {
      kg::train::lstm_run(weights(0, dir), dir, x.data(), kN, h1.data() + dir * kL, kC,
                          &cache[0][dir]);
    }
    for (int dir = 0; dir < 2; ++dir) {
      kg::train::lstm_run(weights(1, dir), dir, h1.data(), kN, out.data() + dir * kL, kC,
                          &cache[1][dir]);
    }
    double loss = 0;
    for (int k = 0; k < kN * kC; ++k) loss += static_cast<double>(r[k]) * out[k];
    return loss;
  }
  double loss() const {
    std::vector<float> h1, out;
    LstmCache cache[2][2];
    return forward(h1, out, cache);
  }
};

// Central difference of the loss in parameter v[i].
double numeric(TwoLayers& net, std::vector<float>& v, size_t i) {
  const float eps = 1e-2f, saved = v[i];
  v[i] = saved + eps;
  const double up = net.loss();
  v[i] = saved - eps;
  const double down = net.loss();
  v[i] = saved;
  return (up - down) / (2.0 * eps);
}

}  // namespace

TEST_CASE("Two-layer BiLSTM gradients match finite differences", "[parse]") {
  TwoLayers net(GENERATE(1, 2, 3));
  constexpr int kN = TwoLayers::kN, kC = TwoLayers::kC, kL = TwoLayers::kL;
  std::vector<float> h1, out;
  LstmCache cache[2][2];
  net.forward(h1, out, cache);

  // Backward: the second layer into dh1 (both directions add to it), then the first into dx.
  LstmGrads grads[2][2];
  std::vector<float> dh1(kN * kC, 0.f), dx(kN * TwoLayers::kIn, 0.f);
  for (int dir = 0; dir < 2; ++dir) {
    kg::train::lstm_backward(net.weights(1, dir), dir, cache[1][dir], h1.data(), kN,
                             out.data() + dir * kL, kC, net.r.data() + dir * kL, kC, dh1.data(),
                             grads[1][dir]);
  }
  for (int dir = 0; dir < 2; ++dir) {
    kg::train::lstm_backward(net.weights(0, dir), dir, cache[0][dir], net.x.data(), kN,
                             h1.data() + dir * kL, kC, dh1.data() + dir * kL, kC, dx.data(),
                             grads[0][dir]);
  }

  auto check = [&net](const char* what, std::vector<float>& param, const std::vector<float>& grad) {
    REQUIRE(grad.size() == param.size());
    for (size_t i = 0; i < param.size(); ++i) {
      const double expected = numeric(net, param, i);
      INFO(what << "[" << i << "]: analytic " << grad[i] << ", numeric " << expected);
      CHECK(std::abs(grad[i] - expected) <= 2e-3 + 2e-2 * std::abs(expected));
    }
  };
  for (int layer = 0; layer < 2; ++layer) {
    for (int dir = 0; dir < 2; ++dir) {
      INFO("layer " << layer << ", direction " << dir);
      check("wx", net.wx[layer][dir], grads[layer][dir].wx);
      check("wh", net.wh[layer][dir], grads[layer][dir].wh);
      check("b", net.b[layer][dir], grads[layer][dir].b);
    }
  }
  check("x", net.x, dx);
}
