#include "ColorPipeline.h"

#include "Error.h"
#include "ParallelFor.h"

#include <OpenColorIO/OpenColorIO.h>

#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <deque>
#include <mutex>
#include <sstream>
#include <string>

namespace OCIO = OCIO_NAMESPACE;

// The config is compiled into the static core library as a Qt resource; a static library's resource
// initialiser is only linked when something references it, hence the explicit Q_INIT_RESOURCE (which
// must be called from the global namespace).
static void initOcioResource()
{
    Q_INIT_RESOURCE(ocio);
}

namespace cg {

namespace {

const char* const kBuiltinConfigName = "the built-in OCIO config";
const char* const kDefaultWorkingSpace = "Rec.709";

/// OCIO messages may span lines; an InputError is one line.
QString oneLine(const char* message)
{
    return QString::fromUtf8(message).simplified();
}

QStringList sceneColorSpaces(const OCIO::ConstConfigRcPtr& config)
{
    QStringList names;
    const int count = config->getNumColorSpaces(OCIO::SEARCH_REFERENCE_SPACE_SCENE, OCIO::COLORSPACE_ACTIVE);
    for (int i = 0; i < count; ++i)
        names << QString::fromUtf8(
            config->getColorSpaceNameByIndex(OCIO::SEARCH_REFERENCE_SPACE_SCENE, OCIO::COLORSPACE_ACTIVE, i));
    return names;
}

QStringList displayNames(const OCIO::ConstConfigRcPtr& config)
{
    QStringList names;
    for (int i = 0; i < config->getNumDisplays(); ++i)
        names << QString::fromUtf8(config->getDisplay(i));
    return names;
}

QStringList viewNames(const OCIO::ConstConfigRcPtr& config, const QString& display)
{
    QStringList names;
    const std::string d = display.toStdString();
    for (int i = 0; i < config->getNumViews(d.c_str()); ++i)
        names << QString::fromUtf8(config->getView(d.c_str(), i));
    return names;
}

OCIO::ConstConfigRcPtr loadConfig(const QString& path, const QString& configName)
{
    try {
        OCIO::ConstConfigRcPtr config;
        if (path.isEmpty()) {
            std::istringstream text(ColorPipeline::builtinConfigText().toStdString());
            config = OCIO::Config::CreateFromStream(text);
        } else {
            if (!QFileInfo(path).isFile())
                throw InputError(QStringLiteral("cannot read OCIO config %1: no such file").arg(path));
            // From a file, OCIO resolves the config's relative LUT paths against the file's folder.
            config = OCIO::Config::CreateFromFile(QFile::encodeName(path).constData());
        }
        config->validate();
        return config;
    } catch (const OCIO::Exception& e) {
        throw InputError(QStringLiteral("cannot read %1: %2").arg(configName, oneLine(e.what())));
    }
}

} // namespace

struct ColorPipeline::Impl
{
    ColorPipelineOptions options;
    OCIO::ConstConfigRcPtr config;
    OCIO::ConstCPUProcessorRcPtr toWorking;
    OCIO::ConstCPUProcessorRcPtr toDisplay;
    bool identity = true;
};

ColorPipeline::ColorPipeline(const ColorPipelineOptions& options) : d(std::make_unique<Impl>())
{
    d->options = options;
    const QString configName = options.configPath.isEmpty()
                                   ? QString::fromLatin1(kBuiltinConfigName)
                                   : QStringLiteral("OCIO config %1").arg(options.configPath);
    d->config = loadConfig(options.configPath, configName);
    const OCIO::ConstConfigRcPtr& config = d->config;

    auto requireColorSpace = [&](const QString& name, const char* what) {
        if (!config->getColorSpace(name.toStdString().c_str()))
            throw InputError(QStringLiteral("unknown %1 colour space \"%2\" in %3; choose one of: %4")
                                 .arg(QLatin1String(what), name, configName,
                                      sceneColorSpaces(config).join(QStringLiteral(", "))));
    };

    // Empty working space: "Rec.709" when the config has it, else the config's `default` role.
    QString working = options.workingSpace;
    if (working.isEmpty()) {
        working = QString::fromLatin1(kDefaultWorkingSpace);
        if (!config->getColorSpace(kDefaultWorkingSpace)) {
            if (const auto fallback = config->getColorSpace(OCIO::ROLE_DEFAULT))
                working = QString::fromUtf8(fallback->getName());
        }
    }
    requireColorSpace(working, "working");
    const QString input = options.inputSpace.isEmpty() ? working : options.inputSpace;
    requireColorSpace(input, "input");

    const QString display =
        options.display.isEmpty() ? QString::fromUtf8(config->getDefaultDisplay()) : options.display;
    const QStringList displays = displayNames(config);
    if (!displays.contains(display))
        throw InputError(QStringLiteral("unknown display \"%1\" in %2; choose one of: %3")
                             .arg(display, configName, displays.join(QStringLiteral(", "))));
    const std::string displayStd = display.toStdString();
    const QString view =
        options.view.isEmpty() ? QString::fromUtf8(config->getDefaultView(displayStd.c_str())) : options.view;
    const QStringList views = viewNames(config, display);
    if (!views.contains(view))
        throw InputError(QStringLiteral("unknown view \"%1\" for display \"%2\" in %3; choose one of: %4")
                             .arg(view, display, configName, views.join(QStringLiteral(", "))));

    try {
        const std::string inputStd = input.toStdString();
        const std::string workingStd = working.toStdString();
        const std::string viewStd = view.toStdString();
        const OCIO::ConstProcessorRcPtr toWorking =
            config->getProcessor(inputStd.c_str(), workingStd.c_str());
        const OCIO::ConstProcessorRcPtr toDisplay = config->getProcessor(
            workingStd.c_str(), displayStd.c_str(), viewStd.c_str(), OCIO::TRANSFORM_DIR_FORWARD);
        // Per-colour applies only bake LUTs (a few thousand colours), so precision beats speed:
        // lossless optimisation keeps the exact pow/log instead of OCIO's fast approximations.
        d->toWorking = toWorking->getOptimizedCPUProcessor(OCIO::OPTIMIZATION_LOSSLESS);
        d->toDisplay = toDisplay->getOptimizedCPUProcessor(OCIO::OPTIMIZATION_LOSSLESS);
        d->identity = toWorking->isNoOp() && toDisplay->isNoOp();
    } catch (const OCIO::Exception& e) {
        throw InputError(QStringLiteral("cannot build the colour pipeline %1 -> %2 -> %3/%4 from %5: %6")
                             .arg(input, working, display, view, configName, oneLine(e.what())));
    }
}

ColorPipeline::~ColorPipeline() = default;
ColorPipeline::ColorPipeline(ColorPipeline&&) noexcept = default;
ColorPipeline& ColorPipeline::operator=(ColorPipeline&&) noexcept = default;

const ColorPipelineOptions& ColorPipeline::options() const
{
    return d->options;
}

bool ColorPipeline::isIdentity() const
{
    return d->identity;
}

namespace {
Rgb applyProcessor(const OCIO::ConstCPUProcessorRcPtr& processor, Rgb in)
{
    // A no-op must return its input bit for bit (OCIO works in float; Rgb is double).
    if (processor->isNoOp())
        return in;
    float rgb[3] = {float(in.r), float(in.g), float(in.b)};
    processor->applyRGB(rgb);
    return {rgb[0], rgb[1], rgb[2]};
}
} // namespace

Rgb ColorPipeline::toWorking(Rgb input) const
{
    return applyProcessor(d->toWorking, input);
}

Rgb ColorPipeline::toDisplay(Rgb working) const
{
    return applyProcessor(d->toDisplay, working);
}

QStringList ColorPipeline::colorSpaces() const
{
    return sceneColorSpaces(d->config);
}

QStringList ColorPipeline::displays() const
{
    return displayNames(d->config);
}

QStringList ColorPipeline::views(const QString& display) const
{
    return viewNames(d->config, display);
}

QByteArray ColorPipeline::builtinConfigText()
{
    initOcioResource();
    QFile file(QStringLiteral(":/cinegrade/ocio/config.ocio"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::logic_error("the built-in OCIO config resource is missing from the build");
    return file.readAll();
}

namespace {

OCIO::BitDepth ocioBitDepth(PixelFormat format)
{
    switch (format) {
    case PixelFormat::Rgb8:
        return OCIO::BIT_DEPTH_UINT8;
    case PixelFormat::Rgb16:
        return OCIO::BIT_DEPTH_UINT16;
    case PixelFormat::RgbF32:
        return OCIO::BIT_DEPTH_F32;
    }
    return OCIO::BIT_DEPTH_F32;
}

/// OCIO caches a FileTransform's file by path alone (a LUT rewritten at the same path keeps its old
/// content), so we keep processors keyed by path, pixel format and the file's bytes, and clear OCIO's
/// caches whenever the bytes change. Re-reading a `.cube` per call costs well under a millisecond; the
/// processor (parse + optimise) is built once per content.
struct FileProcessorCache
{
    struct Entry
    {
        QString path;
        PixelFormat format;
        QByteArray content;
        OCIO::ConstCPUProcessorRcPtr processor;
    };
    std::mutex mutex;
    std::deque<Entry> entries; // most recent first
    static constexpr size_t kCapacity = 4;

    OCIO::ConstCPUProcessorRcPtr get(const QString& path, PixelFormat format, const QByteArray& content)
    {
        std::lock_guard lock(mutex);
        for (const Entry& e : entries)
            if (e.path == path && e.format == format && e.content == content)
                return e.processor;
        OCIO::ClearAllCaches();
        // A raw config has no colour spaces and no search path: the file transform alone.
        const OCIO::ConstConfigRcPtr config = OCIO::Config::CreateRaw();
        const OCIO::FileTransformRcPtr transform = OCIO::FileTransform::Create();
        const std::string src = QFile::encodeName(path).toStdString();
        transform->setSrc(src.c_str());
        transform->setInterpolation(OCIO::INTERP_BEST);
        transform->setDirection(OCIO::TRANSFORM_DIR_FORWARD);
        const OCIO::BitDepth depth = ocioBitDepth(format);
        OCIO::ConstCPUProcessorRcPtr processor = config->getProcessor(transform)->getOptimizedCPUProcessor(
            depth, depth, OCIO::OPTIMIZATION_DEFAULT);
        entries.push_front({path, format, content, processor});
        if (entries.size() > kCapacity)
            entries.pop_back();
        return processor;
    }
};

FileProcessorCache& fileProcessorCache()
{
    static FileProcessorCache cache;
    return cache;
}

} // namespace

void ColorPipeline::applyFileTransform(const QString& lutPath, Image& image)
{
    const QString path = QFileInfo(lutPath).absoluteFilePath();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(QStringLiteral("cannot read %1: %2").arg(lutPath, file.errorString()));
    const QByteArray content = file.readAll();
    file.close();

    OCIO::ConstCPUProcessorRcPtr processor;
    try {
        processor = fileProcessorCache().get(path, image.format(), content);
    } catch (const OCIO::Exception& e) {
        throw InputError(
            QStringLiteral("cannot apply %1 with OpenColorIO: %2").arg(lutPath, oneLine(e.what())));
    }
    if (image.isNull() || processor->isNoOp())
        return;

    // OCIO's CPU apply runs on the calling thread only; rows split across all hardware threads make it
    // the fair multithreaded peer of our own apply.
    const OCIO::BitDepth depth = ocioBitDepth(image.format());
    const ptrdiff_t sampleBytes = bytesPerSample(image.format());
    const ptrdiff_t rowBytes = ptrdiff_t(image.rowBytes());
    std::atomic<bool> failed = false;
    std::string failure;
    std::mutex failureMutex;
    parallelFor(image.height(), [&](int begin, int end) {
        try {
            OCIO::PackedImageDesc desc(image.row<uint8_t>(begin), image.width(), end - begin, 3, depth,
                                       sampleBytes, 3 * sampleBytes, rowBytes);
            processor->apply(desc);
        } catch (const OCIO::Exception& e) {
            std::lock_guard lock(failureMutex);
            failed = true;
            failure = e.what();
        }
    });
    if (failed)
        throw InputError(
            QStringLiteral("cannot apply %1 with OpenColorIO: %2").arg(lutPath, oneLine(failure.c_str())));
}

} // namespace cg
