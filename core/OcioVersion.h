#pragma once

#include <QString>

namespace cg {
/// The OpenColorIO library version in use, e.g. "2.1.2".
QString ocioVersion();
} // namespace cg
