#include "Beta.h"

#include "alpha/Alpha.h"
#include "ui/MainWindow.h"

#include <QtCharts/QChart>
