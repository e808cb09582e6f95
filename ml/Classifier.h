#pragma once

#include "Detune.h"
#include "Image.h"
#include "Suggestions.h"
#include "TrainingData.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace cg {

/// What the classifier says about one frame.
struct ClassifierAnalysis
{
    /// The single-error protocol (ErrorClasses): "ok" + 8 kinds x 3 levels, summing to 1.
    std::array<double, ErrorClasses::kClassCount> classProbabilities{};
    int topClass = 0;
    /// Every axis's signed severity, read independently (several errors at once are read correctly).
    std::array<AxisEstimate, kErrorAxisCount> axes{};
    /// Confident findings only, strongest first; nothing is applied.
    std::vector<Suggestion> suggestions;
    /// All suggestions combined in one grade (the neutral grade when there is none).
    Grade suggestedGrade;
    /// The confidence a finding needed to become a suggestion.
    double minConfidence = Suggestions::kMinConfidence;

    /// {"topClass": ..., "classes": {...}, "axes": {...}, "suggestions": [...], "suggestedGrade": {...}}
    QJsonObject toJson() const;
};

/// Training settings of `cinegrade-cli train classifier`.
struct ClassifierTrainingOptions
{
    QString dataDir; ///< folder with train/ (and val/) photos
    QString outPath; ///< model file to write; the checkpoint is outPath + ".ckpt"
    int64_t steps = 12000;
    uint64_t seed = 1;
    int batchSize = 48;
    int threads = 0;              ///< LibTorch intra-op threads; 0 = 1 (the data sampler takes another core)
    int checkpointInterval = 250; ///< steps between checkpoints
    bool resume = true;           ///< continue from outPath + ".ckpt" when it has the same seed and batch
    double learningRate = 2e-3;
    int maxPhotoSide = 384; ///< photos are decoded and scaled to this long side once
    /// The network's input side (Classifier::kDefaultInputSide; 32..256, a multiple of 16).
    int inputSide = 64;
    FrameView view = FrameView::Whole; ///< how the model looks at frames (stored in the model file)
    /// Networks to train (seeds seed, seed + 1, ...) into one model file whose outputs are averaged:
    /// an ensemble, 1..Classifier::kMaxMembers. Each member is trained alone (OUT.member<k> and its
    /// checkpoint) and the finished ones are kept, so an interrupted run resumes where it was.
    int members = 1;
    /// Share of training squares made of two photos side by side (BatchSampler); 0 turns it off.
    double twoPhotoMix = 0.5;
    std::function<void(const QString&)> log; ///< progress lines (the CLI prints them on stderr)
    std::function<bool()> cancelled;         ///< polled between steps
};

struct ClassifierTrainingReport
{
    int members = 1;
    /// Share of training squares made of two photos side by side (BatchSampler); 0 turns it off.
    double twoPhotoMix = 0.5;
    int64_t steps = 0;              ///< per member
    int64_t resumedFromStep = 0;    ///< steps done before this run started (summed over the members)
    double seconds = 0.0;           ///< wall time of this run (not counting a resumed part)
    double probeLossBefore = 0.0;   ///< loss on a fixed probe batch before the first step of this run
    double probeLossAfter = 0.0;    ///< and after the last (ensembles: the mean of the members trained)
    double finalTrainingLoss = 0.0; ///< mean loss of the last 100 steps
    int parameters = 0;             ///< all members together
    int trainPhotos = 0;
    QStringList sources;
    QJsonObject toJson() const;
};

/// The "what is wrong" classifier (DESIGN.md §1, idea 1): a small CNN plus tone/colour statistics,
/// with two heads: the single-error protocol's 25 classes, and a 7-level distribution per axis. A
/// model file may hold several such networks trained with different seeds (an ensemble); their
/// outputs are averaged, which reads levels more often right than any one of them.
/// LibTorch stays behind this header. analyze() may be called from any thread (calls are
/// serialised internally); the object is cheap to copy (shared model).
class Classifier
{
public:
    /// The network sees the frame area-averaged to a square of this side by default (squeezed; models
    /// of the older FrameView::Squares kind see up to three square crops and average their outputs).
    /// A model file stores the side it was trained with (ClassifierTrainingOptions::inputSide).
    static constexpr int kDefaultInputSide = 64;
    static constexpr int kMinInputSide = 32;
    static constexpr int kMaxInputSide = 256;
    /// A model file holds one network or an ensemble of up to this many, whose outputs are averaged.
    static constexpr int kMaxMembers = 8;

    Classifier();
    ~Classifier();
    Classifier(const Classifier&);
    Classifier& operator=(const Classifier&);

    /// Load a model written by train(). Throws InputError for a missing, unreadable or corrupt file
    /// ("classifier.pt: not a Cinegrade classifier model (...)"). Sets LibTorch's thread count once
    /// (TorchRuntime::configureThreads) if the program has not.
    static Classifier load(const QString& path);
    /// Where the shipped model is looked for, in order: `explicitPath` when given (it must exist);
    /// <executable dir>/../share/cinegrade/models/classifier.pt (an installed program); the source
    /// tree's ml/models/classifier.pt (compile-time CINEGRADE_MODEL_DIR, for a build tree). Throws
    /// InputError when none exists.
    static QString findModel(const QString& explicitPath = {});

    bool isNull() const { return !d; }
    QString path() const;
    int parameterCount() const; ///< of all members
    /// The side of the square the (first) network reads (0 when no model is loaded).
    int inputSide() const;
    /// Networks in the model file (an ensemble averages their outputs); 0 when no model is loaded.
    int memberCount() const;

    /// Raw network outputs for a frame (averaged over its analysis crops, TrainingData.h, and over the
    /// members of an ensemble).
    struct Output
    {
        std::array<double, ErrorClasses::kClassCount> classProbabilities{};
        std::array<std::array<double, ErrorClasses::kAxisBins>, kErrorAxisCount> axisProbabilities{};
    };
    Output predict(const Image& frame) const;
    /// Classes, per-axis severities, suggestions and the combined grade for a frame.
    ClassifierAnalysis analyze(const Image& frame) const;
    /// The interpretation of raw outputs (severity, level, confidence, suggestions): findings at least
    /// `minConfidence` sure become suggestions (Suggestions::fromEstimates).
    static ClassifierAnalysis interpret(const Output& output,
                                        double minConfidence = Suggestions::kMinConfidence);
    /// The mean of several frames' outputs (each a probability distribution, so the mean is one too):
    /// a shot read as a whole, steadier than any one of its frames. Throws InputError when empty.
    static Output average(const std::vector<Output>& outputs);
    /// The frames that represent a shot of frames first..last (inclusive) when reading it as a whole:
    /// the middles of `count` equal parts (every frame once when the shot has fewer).
    static std::vector<qint64> shotFrames(qint64 first, qint64 last, qint64 count);

    /// Train (or resume) and write the model to options.outPath. Deterministic for a seed.
    static ClassifierTrainingReport train(const ClassifierTrainingOptions& options);
    /// Parameters of a freshly built network (for the model card and tests).
    static int architectureParameterCount();

private:
    struct Impl;
    std::shared_ptr<Impl> d;
};

} // namespace cg
