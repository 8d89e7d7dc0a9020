#pragma once

#include "beta/BetaView.h"
#include "core/alpha/Alpha.h"
