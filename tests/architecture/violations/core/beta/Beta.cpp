#include "Beta.h"

#include "core/alpha/Alpha.h"
#include "ui/MainWindow.h"

#include <QtCharts/QChart>
