#pragma once

#include "TrainingData.h"

#include <QJsonObject>

namespace cg {

/// How far apart the classifier's levels lie compared with how much untouched photographs differ,
/// measured on one global statistic per axis (the statistic a content-blind reader would use):
///   exposure     log2 of the mean linear-light luma     temperature  log(R / B) of linear means
///   tint         log(G / sqrt(R B)) of linear means     saturation   mean of max - min (code values)
///   contrast     standard deviation of luma Y'          blackPoint   0.5 % quantile of Y'
///   whitePoint   99.5 % quantile of Y'
/// For each step between neighbouring levels (ok -> 33 %, 33 -> 66 %, 66 -> 100 %, positive direction,
/// reference detunes) it reports the sensitivity index d' = (mean shift) / (standard deviation of the
/// statistic over the untouched photos) and the accuracy Phi(d' / 2) of the best threshold between the
/// two levels on that statistic alone. A model that also reads content can do better; a low figure
/// says the photos themselves vary as much as one level does, so exact levels cannot be read reliably
/// from the statistic without a reference picture.
QJsonObject levelSeparability(const PhotoSet& photos, int count, int side);

} // namespace cg
