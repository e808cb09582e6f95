#include "LevelSeparability.h"

#include "Detune.h"

#include <QJsonArray>
#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

namespace cg {

namespace {

double linear(double v)
{
    return std::pow(std::max(v, 0.0), 2.4); // BT.1886 with black at 0
}

double quantile(std::vector<double> values, double q)
{
    const size_t k = std::min(values.size() - 1, size_t(q * double(values.size())));
    std::nth_element(values.begin(), values.begin() + long(k), values.end());
    return values[k];
}

/// The statistic of `axis` for one image (see the header).
double statistic(ErrorAxis axis, const Image& image)
{
    double r = 0, g = 0, b = 0, luma = 0, chroma = 0, sumY = 0, sumY2 = 0;
    std::vector<double> ys;
    ys.reserve(size_t(image.width()) * size_t(image.height()));
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const double cr = image.sample(x, y, 0), cg = image.sample(x, y, 1), cb = image.sample(x, y, 2);
            const double lr = linear(cr), lg = linear(cg), lb = linear(cb);
            r += lr;
            g += lg;
            b += lb;
            luma += 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
            chroma += std::max({cr, cg, cb}) - std::min({cr, cg, cb});
            const double yPrime = 0.2126 * cr + 0.7152 * cg + 0.0722 * cb;
            sumY += yPrime;
            sumY2 += yPrime * yPrime;
            ys.push_back(yPrime);
        }
    const double n = double(ys.size());
    constexpr double e = 1e-6;
    switch (axis) {
    case ErrorAxis::Exposure:
        return std::log2(luma / n + e);
    case ErrorAxis::Temperature:
        return std::log((r + e) / (b + e));
    case ErrorAxis::Tint:
        return -std::log((g + e) / std::sqrt((r + e) * (b + e))); // + is magenta, as the axis
    case ErrorAxis::Saturation:
        return chroma / n;
    case ErrorAxis::Contrast:
        return std::sqrt(std::max(0.0, sumY2 / n - (sumY / n) * (sumY / n)));
    case ErrorAxis::BlackPoint:
        return quantile(std::move(ys), 0.005);
    case ErrorAxis::WhitePoint:
        return quantile(std::move(ys), 0.995);
    }
    return 0.0;
}

const char* statisticName(ErrorAxis axis)
{
    switch (axis) {
    case ErrorAxis::Exposure:
        return "log2 mean linear luma";
    case ErrorAxis::Temperature:
        return "log(R/B), linear means";
    case ErrorAxis::Tint:
        return "-log(G/sqrt(RB)), linear means";
    case ErrorAxis::Saturation:
        return "mean max-min";
    case ErrorAxis::Contrast:
        return "standard deviation of Y'";
    case ErrorAxis::BlackPoint:
        return "0.5 % quantile of Y'";
    case ErrorAxis::WhitePoint:
        return "99.5 % quantile of Y'";
    }
    return "";
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

QJsonObject levelSeparability(const PhotoSet& photos, int count, int side)
{
    QJsonObject result;
    for (int a = 0; a < kErrorAxisCount; ++a) {
        const ErrorAxis axis = ErrorAxis(a);
        std::array<std::vector<double>, 4> values; // ok, 33, 66, 100 %
        for (int i = 0; i < count; ++i) {
            const Image& photo = photos.image(i);
            const double scale = double(side) / std::max(photo.width(), photo.height());
            const Image small = resizedArea(photo, std::max(1, int(std::lround(photo.width() * scale))),
                                            std::max(1, int(std::lround(photo.height() * scale))));
            for (int level = 0; level <= 3; ++level) {
                Severities severities{};
                severities[size_t(a)] = level / 3.0;
                std::mt19937_64 random(uint64_t(i) * 31u + uint64_t(level));
                const Image detuned =
                    level == 0
                        ? small
                        : Detune::apply(Detune::randomRecipe(severities, Detune::Family::Reference, random),
                                        small);
                values[size_t(level)].push_back(statistic(axis, detuned));
            }
        }
        const auto mean = [](const std::vector<double>& v) {
            double sum = 0;
            for (double x : v)
                sum += x;
            return v.empty() ? 0.0 : sum / double(v.size());
        };
        double spread = 0;
        const double okMean = mean(values[0]);
        for (double x : values[0])
            spread += (x - okMean) * (x - okMean);
        spread = std::sqrt(spread / std::max<size_t>(1, values[0].size()));
        QJsonArray dPrime, ceiling;
        for (int step = 0; step < 3; ++step) {
            const double d =
                spread > 0 ? std::abs(mean(values[size_t(step + 1)]) - mean(values[size_t(step)])) / spread
                           : 0.0;
            dPrime.append(round3(d));
            ceiling.append(round3(0.5 * std::erfc(-d / 2.0 / std::sqrt(2.0)))); // Phi(d'/2)
        }
        result.insert(errorAxisKey(axis), QJsonObject{{"statistic", statisticName(axis)},
                                                      {"dPrime", dPrime},
                                                      {"thresholdAccuracy", ceiling}});
    }
    return result;
}

} // namespace cg
