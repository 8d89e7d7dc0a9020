#pragma once

#include "alpha/Alpha.h"
#include "beta/BetaView.h"
