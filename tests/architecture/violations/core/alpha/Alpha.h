#pragma once

#include "core/beta/Beta.h"
#include "core/gamma/Gamma.h"

#include <QWidget>
