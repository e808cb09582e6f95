// The classifier's network, its training loop and inference: the only translation unit of the
// classifier that includes LibTorch (ENVIRONMENT.md: each costs ~20 s to compile).
#include "Classifier.h"

#include "Error.h"
#include "TorchRuntime.h"

// Qt's `slots` keyword collides with an identifier in torch headers (ENVIRONMENT.md).
#undef slots
#include <torch/torch.h>
#define slots Q_SLOTS

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <deque>
#include <future>
#include <mutex>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

namespace cg {

namespace {

constexpr int64_t kFormatMagic = 0x43475243; // "CGRC": Cinegrade classifier
constexpr int64_t kFormatVersion = 1;
// Format tag: {magic, version, input side, view}; models without the view (3 numbers) used
// FrameView::Squares.

/// 3x3 convolutions with batch norm and ReLU; {in, out, stride} per layer.
torch::nn::Sequential convStack(std::initializer_list<std::array<int, 3>> layers)
{
    torch::nn::Sequential stack;
    for (const auto& [in, out, stride] : layers) {
        stack->push_back(
            torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
        stack->push_back(torch::nn::BatchNorm2d(out));
        stack->push_back(torch::nn::ReLU());
    }
    return stack;
}

constexpr int kFeatures = 128; // channels of the last convolution

/// Six 3x3 convolutions (16 -> 128 channels, the side shrinking 16x: 64 -> 4 pixels) pooled by mean and
/// max, so any input side works, next to a small
/// network on the statistics; a shared layer feeds the two heads.
struct NetImpl : torch::nn::Module
{
    NetImpl()
    {
        features = register_module(
            "features",
            convStack({{3, 16, 2}, {16, 32, 2}, {32, 32, 1}, {32, 64, 2}, {64, 64, 1}, {64, kFeatures, 2}}));
        statsNorm = register_module("statsNorm", torch::nn::BatchNorm1d(kPatchStatisticCount));
        stats = register_module("stats", torch::nn::Sequential(torch::nn::Linear(kPatchStatisticCount, 128),
                                                               torch::nn::ReLU(), torch::nn::Linear(128, 128),
                                                               torch::nn::ReLU()));
        trunk = register_module(
            "trunk", torch::nn::Sequential(torch::nn::Linear(2 * kFeatures + 128, 256), torch::nn::ReLU()));
        classHead = register_module("classHead", torch::nn::Linear(256, ErrorClasses::kClassCount));
        axisHead =
            register_module("axisHead", torch::nn::Linear(256, kErrorAxisCount * ErrorClasses::kAxisBins));
    }

    /// x: B x 3 x side x side code values 0..1, statistics: B x kPatchStatisticCount (patchStatistics)
    /// -> (class logits B x 25, axis logits B x 7 x 7).
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& x, const torch::Tensor& statistics)
    {
        const auto f = features->forward((x - 0.5) / 0.25);
        const auto pooled = torch::cat({f.mean({2, 3}), f.amax({2, 3})}, 1);
        const auto s = stats->forward(statsNorm->forward(statistics));
        const auto h = trunk->forward(torch::cat({pooled, s}, 1));
        return {classHead->forward(h),
                axisHead->forward(h).view({-1, kErrorAxisCount, ErrorClasses::kAxisBins})};
    }

    torch::nn::Sequential features{nullptr}, stats{nullptr}, trunk{nullptr};
    torch::nn::BatchNorm1d statsNorm{nullptr};
    torch::nn::Linear classHead{nullptr}, axisHead{nullptr};
};
TORCH_MODULE(Net);

int countParameters(const Net& net)
{
    int64_t count = 0;
    for (const auto& p : net->parameters())
        count += p.numel();
    return int(count);
}

QString torchMessage(const c10::Error& error)
{
    return QString::fromStdString(error.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0);
}

/// Soft-target cross-entropy of both heads: the class head only where one error (or none) is present.
torch::Tensor lossOf(const torch::Tensor& classLogits, const torch::Tensor& axisLogits,
                     const TrainingBatch& batch)
{
    const int64_t n = batch.count;
    const auto classTargets = torch::from_blob(const_cast<float*>(batch.classTargets.data()),
                                               {n, ErrorClasses::kClassCount}, torch::kFloat);
    const auto classWeights =
        torch::from_blob(const_cast<float*>(batch.classWeights.data()), {n}, torch::kFloat);
    const auto axisTargets = torch::from_blob(const_cast<float*>(batch.axisTargets.data()),
                                              {n, kErrorAxisCount, ErrorClasses::kAxisBins}, torch::kFloat);
    const auto classCe = -(classTargets * torch::log_softmax(classLogits, 1)).sum(1);
    const auto classLoss = (classCe * classWeights).sum() / classWeights.sum().clamp_min(1.0);
    const auto axisLoss = -(axisTargets * torch::log_softmax(axisLogits, 2)).sum(2).sum(1).mean();
    return classLoss + axisLoss;
}

torch::Tensor inputOf(const TrainingBatch& batch)
{
    return torch::from_blob(const_cast<float*>(batch.pixels.data()), {batch.count, 3, batch.side, batch.side},
                            torch::kFloat);
}

torch::Tensor statisticsOf(const TrainingBatch& batch)
{
    return torch::from_blob(const_cast<float*>(batch.statistics.data()), {batch.count, kPatchStatisticCount},
                            torch::kFloat);
}

/// One trained network of a model file, with how it looks at frames. A model file holds one member, or
/// several (an ensemble: their outputs are averaged). Member 0 is stored under the keys "format", "net"
/// and "seed", member k > 0 under "format<k>", "net<k>" and "seed<k>", so a one-member file is the
/// format of a single model.
struct Member
{
    Net net;
    FrameView view = FrameView::Whole;
    int side = Classifier::kDefaultInputSide;
    int64_t seed = -1;       ///< the training seed (-1: not recorded, models written before it was)
    int64_t mixPerMille = 0; ///< the training's two-photo mix, in 1/1000
};

std::string memberKey(const char* key, size_t member)
{
    return member == 0 ? std::string(key) : key + std::to_string(member);
}

void writeModel(const std::vector<Member>& members, const QString& path)
{
    torch::serialize::OutputArchive archive;
    for (size_t k = 0; k < members.size(); ++k) {
        const Member& m = members[k];
        torch::serialize::OutputArchive netArchive;
        m.net->save(netArchive);
        archive.write(memberKey("net", k), netArchive);
        archive.write(
            memberKey("format", k),
            torch::tensor({kFormatMagic, kFormatVersion, int64_t(m.side), int64_t(m.view)}, torch::kLong));
        archive.write(memberKey("seed", k), torch::tensor({m.seed, m.mixPerMille}, torch::kLong));
    }
    // Written beside the target and renamed when complete: a crash never leaves half a model.
    const QString temporary = path + QStringLiteral(".part");
    try {
        archive.save_to(temporary.toStdString());
    } catch (const c10::Error& error) {
        throw InputError(QStringLiteral("cannot write %1: %2").arg(path, torchMessage(error)));
    }
    QFile::remove(path);
    if (!QFile::rename(temporary, path))
        throw InputError(QStringLiteral("cannot write %1: rename failed").arg(path));
}

int64_t mixPerMille(double mix)
{
    return std::llround(mix * 1000.0);
}

void writeCheckpoint(const Net& net, torch::optim::AdamW& optimizer, int64_t step,
                     const ClassifierTrainingOptions& o)
{
    torch::serialize::OutputArchive archive, netArchive, optimizerArchive;
    net->save(netArchive);
    optimizer.save(optimizerArchive);
    archive.write("net", netArchive);
    archive.write("optimizer", optimizerArchive);
    archive.write("run", torch::tensor({step, int64_t(o.seed), o.steps, int64_t(o.batchSize), int64_t(o.view),
                                        int64_t(o.inputSide), mixPerMille(o.twoPhotoMix)},
                                       torch::kLong));
    const QString path = o.outPath + QStringLiteral(".ckpt");
    archive.save_to((path + QStringLiteral(".part")).toStdString());
    QFile::remove(path);
    QFile::rename(path + QStringLiteral(".part"), path);
}

/// Step of the checkpoint when it belongs to this run (same seed, batch size, view, input side and two-photo
/// mix), else 0. A
/// different step count is allowed (the learning-rate schedule then follows the new count from that step on),
/// so a run can be shortened or extended.
int64_t readCheckpoint(Net& net, torch::optim::AdamW& optimizer, const ClassifierTrainingOptions& o)
{
    const QString path = o.outPath + QStringLiteral(".ckpt");
    if (!o.resume || !QFileInfo(path).isFile())
        return 0;
    const auto log = [&](const QString& line) {
        if (o.log)
            o.log(line);
    };
    try {
        torch::serialize::InputArchive archive, netArchive, optimizerArchive;
        archive.load_from(path.toStdString());
        torch::Tensor run;
        archive.read("run", run);
        const auto values = run.accessor<int64_t, 1>();
        // Checkpoints written before the input side was a setting have 5 values (side 64), and before
        // the two-photo mix 6 (no mix).
        const int64_t side = run.numel() >= 6 ? values[5] : int64_t(Classifier::kDefaultInputSide);
        const int64_t mix = run.numel() >= 7 ? values[6] : 0;
        if (run.numel() < 5 || run.numel() > 7 || values[1] != int64_t(o.seed) || values[3] != o.batchSize ||
            values[4] != int64_t(o.view) || side != o.inputSide || mix != mixPerMille(o.twoPhotoMix)) {
            log(QStringLiteral(
                    "checkpoint %1 is for another run (seed, batch size, view, input side or mix differ): "
                    "starting afresh")
                    .arg(path));
            return 0;
        }
        if (values[0] >= o.steps) {
            log(QStringLiteral("checkpoint %1 is at step %2, beyond the %3 steps asked: starting afresh")
                    .arg(path)
                    .arg(values[0])
                    .arg(o.steps));
            return 0;
        }
        if (values[2] != o.steps)
            log(QStringLiteral("checkpoint was for %1 steps; continuing to %2").arg(values[2]).arg(o.steps));
        archive.read("net", netArchive);
        archive.read("optimizer", optimizerArchive);
        net->load(netArchive);
        optimizer.load(optimizerArchive);
        log(QStringLiteral("resuming from %1 at step %2").arg(path).arg(values[0]));
        return values[0];
    } catch (const c10::Error& error) {
        log(QStringLiteral("checkpoint %1 unreadable (%2): starting afresh").arg(path, torchMessage(error)));
        return 0;
    }
}

/// Warm-up for the first 300 steps, then a cosine decay to 2 % of the base rate.
double learningRate(double base, int64_t step, int64_t steps)
{
    const int64_t warmup = std::min<int64_t>(300, std::max<int64_t>(1, steps / 10));
    if (step < warmup)
        return base * (0.1 + 0.9 * double(step) / double(warmup));
    const double t = double(step - warmup) / double(std::max<int64_t>(1, steps - warmup));
    return base * (0.02 + 0.98 * 0.5 * (1.0 + std::cos(M_PI * std::min(1.0, t))));
}

/// Member `k` of an opened model file, or nothing when the file has no such member. Throws InputError
/// (with the file's name) for a member that is there but not readable by this program.
std::optional<Member> readMember(torch::serialize::InputArchive& archive, size_t k, const QString& name)
{
    torch::Tensor format;
    if (!archive.try_read(memberKey("format", k), format)) {
        if (k == 0)
            throw InputError(
                QStringLiteral("%1: not a Cinegrade classifier model (no format tag)").arg(name));
        return std::nullopt;
    }
    if (format.dim() != 1 || format.numel() < 3 || format.numel() > 4 || format.scalar_type() != torch::kLong)
        throw InputError(QStringLiteral("%1: not a Cinegrade classifier model (no format tag)").arg(name));
    const auto values = format.accessor<int64_t, 1>();
    if (values[0] != kFormatMagic)
        throw InputError(QStringLiteral("%1: not a Cinegrade classifier model (wrong format tag)").arg(name));
    if (values[1] != kFormatVersion || values[2] < Classifier::kMinInputSide ||
        values[2] > Classifier::kMaxInputSide || values[2] % 16 != 0)
        throw InputError(QStringLiteral("%1: classifier model version %2 (input %3 px); this program reads "
                                        "version %4 (input %5..%6 px, a multiple of 16)")
                             .arg(name)
                             .arg(values[1])
                             .arg(values[2])
                             .arg(kFormatVersion)
                             .arg(Classifier::kMinInputSide)
                             .arg(Classifier::kMaxInputSide));
    Member member;
    member.side = int(values[2]);
    member.view =
        format.numel() == 4 && values[3] == int64_t(FrameView::Whole) ? FrameView::Whole : FrameView::Squares;
    torch::serialize::InputArchive netArchive;
    if (!archive.try_read(memberKey("net", k), netArchive))
        throw InputError(QStringLiteral("%1: not a Cinegrade classifier model (no network)").arg(name));
    member.net->load(netArchive);
    member.net->eval();
    torch::Tensor seed;
    if (archive.try_read(memberKey("seed", k), seed) && seed.dim() == 1 && seed.numel() >= 1 &&
        seed.numel() <= 2 && seed.scalar_type() == torch::kLong) {
        member.seed = seed[0].item<int64_t>();
        member.mixPerMille = seed.numel() == 2 ? seed[1].item<int64_t>() : 0;
    }
    return member;
}

/// The members of a model file (at least one). Throws InputError for a missing or corrupt file.
std::vector<Member> readModel(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    if (!QFileInfo(path).isFile())
        throw InputError(QStringLiteral("%1: no such model file").arg(path));
    if (!QFileInfo(path).isReadable())
        throw InputError(QStringLiteral("%1: model file not readable").arg(path));
    std::vector<Member> members;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path.toStdString());
        while (std::optional<Member> member = readMember(archive, members.size(), name))
            members.push_back(std::move(*member));
    } catch (const c10::Error& error) {
        throw InputError(
            QStringLiteral("%1: not a Cinegrade classifier model (%2)").arg(name, torchMessage(error)));
    } catch (const std::runtime_error& error) {
        if (dynamic_cast<const InputError*>(&error))
            throw;
        throw InputError(
            QStringLiteral("%1: not a Cinegrade classifier model (%2)")
                .arg(name, QString::fromLocal8Bit(error.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    return members;
}

/// What a network of one input side and view reads from a frame: its analysis crops at 8-bit steps,
/// and their statistics. Made once per frame for all the members that read alike.
struct NetworkInput
{
    int side = 0;
    FrameView view = FrameView::Whole;
    int64_t crops = 0;
    std::vector<float> pixels;     ///< crops x 3 x side x side
    std::vector<float> statistics; ///< crops x kPatchStatisticCount
};

NetworkInput networkInput(const Image& frame, int side, FrameView view)
{
    // For square crops a large frame is first area-averaged to a proxy twice the network's side on its
    // short side: one pass over the frame instead of one per crop. The whole view is one pass anyway.
    const int shortSide = std::min(frame.width(), frame.height());
    const int proxyShortSide = 2 * side;
    Image proxy;
    if (view == FrameView::Squares && shortSide > 2 * proxyShortSide) {
        const double scale = double(proxyShortSide) / shortSide;
        proxy = resizedArea(frame, std::max(1, int(std::lround(frame.width() * scale))),
                            std::max(1, int(std::lround(frame.height() * scale))));
    }
    const Image& source = proxy.isNull() ? frame : proxy;
    const std::vector<CropRect> crops = analysisCrops(source.width(), source.height(), view);
    const size_t plane = size_t(side) * size_t(side);
    NetworkInput input{side, view, int64_t(crops.size()), std::vector<float>(crops.size() * 3 * plane),
                       std::vector<float>(crops.size() * kPatchStatisticCount)};
    std::vector<float> rgb(plane * 3);
    for (size_t k = 0; k < crops.size(); ++k) {
        resampleArea(source, crops[k], side, side, rgb.data());
        for (size_t i = 0; i < plane; ++i)
            for (size_t c = 0; c < 3; ++c) // 8-bit steps, as in training
                input.pixels[(k * 3 + c) * plane + i] =
                    std::round(std::clamp(rgb[i * 3 + c], 0.0f, 1.0f) * 255.0f) / 255.0f;
        patchStatistics(input.pixels.data() + k * 3 * plane, side,
                        input.statistics.data() + k * kPatchStatisticCount);
    }
    return input;
}

/// One member's outputs (averaged over the analysis crops). The caller holds the lock.
Classifier::Output predictWith(Member& member, NetworkInput& input)
{
    Classifier::Output output;
    c10::InferenceMode inference;
    const auto x =
        torch::from_blob(input.pixels.data(), {input.crops, 3, input.side, input.side}, torch::kFloat);
    const auto s =
        torch::from_blob(input.statistics.data(), {input.crops, kPatchStatisticCount}, torch::kFloat);
    const auto [classLogits, axisLogits] = member.net->forward(x, s);
    const auto classes = torch::softmax(classLogits, 1).mean(0).contiguous();
    const auto axes = torch::softmax(axisLogits, 2).mean(0).contiguous();
    const float* c = classes.data_ptr<float>();
    for (int i = 0; i < ErrorClasses::kClassCount; ++i)
        output.classProbabilities[size_t(i)] = c[i];
    const float* a = axes.data_ptr<float>();
    for (int axis = 0; axis < kErrorAxisCount; ++axis)
        for (int bin = 0; bin < ErrorClasses::kAxisBins; ++bin)
            output.axisProbabilities[size_t(axis)][size_t(bin)] = a[axis * ErrorClasses::kAxisBins + bin];
    return output;
}

std::once_flag threadsConfigured;

} // namespace

struct Classifier::Impl
{
    std::vector<Member> members; ///< at least one; outputs averaged
    QString path;
    std::mutex mutex;
};

Classifier::Classifier() = default;
Classifier::~Classifier() = default;
Classifier::Classifier(const Classifier&) = default;
Classifier& Classifier::operator=(const Classifier&) = default;

QString Classifier::path() const
{
    return d ? d->path : QString();
}

int Classifier::parameterCount() const
{
    int count = 0;
    if (d)
        for (const Member& member : d->members)
            count += countParameters(member.net);
    return count;
}

int Classifier::inputSide() const
{
    return d ? d->members.front().side : 0;
}

int Classifier::memberCount() const
{
    return d ? int(d->members.size()) : 0;
}

int Classifier::architectureParameterCount()
{
    return countParameters(Net());
}

Classifier Classifier::load(const QString& path)
{
    std::call_once(threadsConfigured, [] {
        if (at::get_num_threads() <= 1)
            TorchRuntime::configureThreads();
    });
    auto impl = std::make_shared<Impl>();
    impl->path = path;
    impl->members = readModel(path);
    Classifier classifier;
    classifier.d = std::move(impl);
    return classifier;
}

Classifier::Output Classifier::predict(const Image& frame) const
{
    if (!d)
        throw InputError(QStringLiteral("no classifier model loaded"));
    if (frame.isNull())
        throw InputError(QStringLiteral("cannot analyse an empty frame"));
    // Members that read alike (the same side and view) share one input: the frame is resampled once.
    std::vector<NetworkInput> inputs;
    std::vector<size_t> inputOfMember;
    for (const Member& member : d->members) {
        const auto same = std::find_if(inputs.begin(), inputs.end(), [&](const NetworkInput& input) {
            return input.side == member.side && input.view == member.view;
        });
        inputOfMember.push_back(size_t(same - inputs.begin()));
        if (same == inputs.end())
            inputs.push_back(networkInput(frame, member.side, member.view));
    }
    const std::lock_guard<std::mutex> lock(d->mutex);
    std::vector<Output> outputs;
    for (size_t k = 0; k < d->members.size(); ++k)
        outputs.push_back(predictWith(d->members[k], inputs[inputOfMember[k]]));
    return outputs.size() == 1 ? outputs.front() : average(outputs);
}

namespace {

/// Train one network (or resume its checkpoint) and write it to o.outPath as a one-member model file.
ClassifierTrainingReport trainMember(const ClassifierTrainingOptions& o, const PhotoSet& photos)
{
    const auto log = [&](const QString& line) {
        if (o.log)
            o.log(line);
    };
    QElapsedTimer timer;
    torch::manual_seed(o.seed);
    Net net;
    torch::optim::AdamW optimizer(net->parameters(),
                                  torch::optim::AdamWOptions(o.learningRate).weight_decay(1e-4));
    ClassifierTrainingReport report;
    report.parameters = countParameters(net);
    report.trainPhotos = photos.size();
    report.sources = photos.sourceCounts();
    report.steps = o.steps;
    const int64_t start = readCheckpoint(net, optimizer, o);
    report.resumedFromStep = start;

    const BatchSampler sampler(photos, o.seed, o.inputSide, o.view, o.twoPhotoMix);
    // A fixed probe batch (a step index training never reaches) measures progress on equal terms.
    const TrainingBatch probe = sampler.batch(int64_t(1) << 40, std::min(o.batchSize, 64));
    const auto probeLoss = [&] {
        torch::NoGradGuard noGrad;
        net->eval();
        const auto [cl, al] = net->forward(inputOf(probe), statisticsOf(probe));
        return lossOf(cl, al, probe).item<double>();
    };
    // Before any step the batch-norm running statistics are the defaults; the probe then measures
    // an untrained network, which is what "before" means.
    report.probeLossBefore = probeLoss();
    log(QStringLiteral("%1 parameters; probe loss %2")
            .arg(report.parameters)
            .arg(report.probeLossBefore, 0, 'f', 4));

    timer.restart();
    std::deque<double> recent;
    double waitSeconds = 0.0; // time the network waited for data (the sampler is the bottleneck when high)
    std::future<TrainingBatch> next;
    if (start < o.steps)
        next = std::async(std::launch::async,
                          [&sampler, start, &o] { return sampler.batch(start, o.batchSize); });
    int64_t step = start;
    for (; step < o.steps; ++step) {
        if (o.cancelled && o.cancelled()) {
            writeCheckpoint(net, optimizer, step, o);
            throw InputError(QStringLiteral("training cancelled at step %1 (checkpoint %2.ckpt)")
                                 .arg(step)
                                 .arg(o.outPath));
        }
        QElapsedTimer wait;
        wait.start();
        const TrainingBatch batch = next.get();
        waitSeconds += double(wait.nsecsElapsed()) / 1e9;
        if (step + 1 < o.steps)
            next = std::async(std::launch::async,
                              [&sampler, step, &o] { return sampler.batch(step + 1, o.batchSize); });
        const double rate = learningRate(o.learningRate, step, o.steps);
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate);
        net->train();
        const auto [classLogits, axisLogits] = net->forward(inputOf(batch), statisticsOf(batch));
        const auto loss = lossOf(classLogits, axisLogits, batch);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        recent.push_back(loss.item<double>());
        if (recent.size() > 100)
            recent.pop_front();
        const int64_t done = step + 1;
        if (done % 50 == 0 || done == o.steps) {
            const double perStep = timer.elapsed() / 1000.0 / double(done - start);
            log(QStringLiteral("step %1/%2  loss %3  lr %4  %5 s/step (%7 s waiting for data)  eta %6 min")
                    .arg(done)
                    .arg(o.steps)
                    .arg(std::accumulate(recent.begin(), recent.end(), 0.0) / double(recent.size()), 0, 'f',
                         4)
                    .arg(rate, 0, 'g', 3)
                    .arg(perStep, 0, 'f', 3)
                    .arg(perStep * double(o.steps - done) / 60.0, 0, 'f', 1)
                    .arg(waitSeconds / double(done - start), 0, 'f', 3));
        }
        if (done % o.checkpointInterval == 0 && done < o.steps) {
            writeCheckpoint(net, optimizer, done, o);
            writeModel({Member{net, o.view, o.inputSide, int64_t(o.seed), mixPerMille(o.twoPhotoMix)}},
                       o.outPath); // usable (if less trained) while training goes on
            net->train();
        }
    }
    report.seconds = timer.elapsed() / 1000.0;
    report.finalTrainingLoss =
        recent.empty() ? 0.0 : std::accumulate(recent.begin(), recent.end(), 0.0) / double(recent.size());
    report.probeLossAfter = probeLoss();
    net->eval();
    writeModel({Member{net, o.view, o.inputSide, int64_t(o.seed), mixPerMille(o.twoPhotoMix)}}, o.outPath);
    QFile::remove(o.outPath + QStringLiteral(".ckpt")); // finished: the model replaces the checkpoint
    log(QStringLiteral("wrote %1 (probe loss %2 -> %3, %4 s)")
            .arg(o.outPath)
            .arg(report.probeLossBefore, 0, 'f', 4)
            .arg(report.probeLossAfter, 0, 'f', 4)
            .arg(report.seconds, 0, 'f', 1));
    return report;
}

/// The member an interrupted ensemble run finished before it stopped: its file is complete (no
/// checkpoint beside it) and was trained with this member's seed, view and input side.
std::optional<Member> finishedMember(const ClassifierTrainingOptions& o)
{
    if (!o.resume || QFileInfo(o.outPath + QStringLiteral(".ckpt")).exists() ||
        !QFileInfo(o.outPath).isFile())
        return std::nullopt;
    try {
        std::vector<Member> members = readModel(o.outPath);
        const Member& m = members.front();
        if (members.size() == 1 && m.seed == int64_t(o.seed) && m.side == o.inputSide && m.view == o.view &&
            m.mixPerMille == mixPerMille(o.twoPhotoMix))
            return m;
    } catch (const InputError&) {
    }
    return std::nullopt;
}

} // namespace

ClassifierTrainingReport Classifier::train(const ClassifierTrainingOptions& o)
{
    const auto log = [&](const QString& line) {
        if (o.log)
            o.log(line);
    };
    if (o.outPath.isEmpty())
        throw InputError(QStringLiteral("train classifier: no output path"));
    if (o.steps <= 0 || o.batchSize <= 0)
        throw InputError(QStringLiteral("train classifier: steps and batch size must be positive"));
    if (o.members < 1 || o.members > kMaxMembers)
        throw InputError(QStringLiteral("train classifier: an ensemble has 1 to %1 members, got %2")
                             .arg(kMaxMembers)
                             .arg(o.members));
    if (o.inputSide < kMinInputSide || o.inputSide > kMaxInputSide || o.inputSide % 16 != 0)
        throw InputError(
            QStringLiteral("train classifier: the input side must be a multiple of 16 from %1 to "
                           "%2, got %3")
                .arg(kMinInputSide)
                .arg(kMaxInputSide)
                .arg(o.inputSide));
    const QFileInfo outInfo(o.outPath);
    if (!outInfo.absoluteDir().exists())
        throw InputError(QStringLiteral("cannot write %1: folder does not exist").arg(o.outPath));

    // One LibTorch thread by default: the batch sampler runs on another core, and on a busy machine two
    // OpenMP threads that wait for each other made steps 10-20x slower (measured: 0.09 s vs 1-2 s).
    const int threads = TorchRuntime::configureThreads(o.threads > 0 ? o.threads : 1);
    QElapsedTimer loadTimer;
    loadTimer.start();
    const PhotoSet photos = PhotoSet::load(o.dataDir, QStringLiteral("train"), o.maxPhotoSide);
    log(QStringLiteral("loaded %1 training photos (%2) in %3 s; %4 LibTorch threads")
            .arg(photos.size())
            .arg(photos.sourceCounts().join(QStringLiteral(", ")))
            .arg(loadTimer.elapsed() / 1000.0, 0, 'f', 1)
            .arg(threads));

    if (o.members == 1)
        return trainMember(o, photos);

    // An ensemble: member k is trained with seed + k into OUT.member<k> (with its own checkpoint, so an
    // interrupted run resumes inside the member it was on), then all are written to OUT as one file.
    ClassifierTrainingReport report;
    report.members = o.members;
    report.steps = o.steps;
    report.trainPhotos = photos.size();
    report.sources = photos.sourceCounts();
    std::vector<Member> members;
    int trained = 0;
    for (int k = 0; k < o.members; ++k) {
        ClassifierTrainingOptions member = o;
        member.members = 1;
        member.seed = o.seed + uint64_t(k);
        member.outPath = o.outPath + QStringLiteral(".member%1").arg(k);
        if (std::optional<Member> finished = finishedMember(member)) {
            log(QStringLiteral("member %1/%2 (seed %3): finished before, reusing %4")
                    .arg(k + 1)
                    .arg(o.members)
                    .arg(member.seed)
                    .arg(member.outPath));
            report.resumedFromStep += o.steps;
            members.push_back(std::move(*finished));
            continue;
        }
        log(QStringLiteral("member %1/%2 (seed %3)").arg(k + 1).arg(o.members).arg(member.seed));
        const ClassifierTrainingReport one = trainMember(member, photos);
        ++trained;
        report.resumedFromStep += one.resumedFromStep;
        report.seconds += one.seconds;
        report.probeLossBefore += one.probeLossBefore;
        report.probeLossAfter += one.probeLossAfter;
        report.finalTrainingLoss += one.finalTrainingLoss;
        members.push_back(readModel(member.outPath).front());
    }
    if (trained > 0) { // the losses of the members trained by this run, averaged
        report.probeLossBefore /= trained;
        report.probeLossAfter /= trained;
        report.finalTrainingLoss /= trained;
    }
    for (const Member& m : members)
        report.parameters += countParameters(m.net);
    writeModel(members, o.outPath);
    for (int k = 0; k < o.members; ++k)
        QFile::remove(o.outPath + QStringLiteral(".member%1").arg(k));
    log(QStringLiteral("wrote %1 (%2 members, outputs averaged)").arg(o.outPath).arg(o.members));
    return report;
}

} // namespace cg
