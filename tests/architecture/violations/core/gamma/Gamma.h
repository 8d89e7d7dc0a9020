#pragma once

#include "core/alpha/Alpha.h"
#include "beta/BetaView.h"
