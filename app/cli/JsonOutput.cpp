#include "JsonOutput.h"

#include <QJsonDocument>
#include <cstdio>

namespace cg::cli {
void printJson(const QJsonObject& report)
{
    const QByteArray text = QJsonDocument(report).toJson(QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}
} // namespace cg::cli
