#pragma once

#include "gamma/Gamma.h"
