#pragma once

#include "core/gamma/Gamma.h"
