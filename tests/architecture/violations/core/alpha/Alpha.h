#pragma once

#include "beta/Beta.h"
#include "core/gamma/Gamma.h"

#include <QWidget>
