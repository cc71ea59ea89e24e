// Runs this project's suites on a fake Excel with the ExcelApi all requirement sets (test/support/fake-excel.ts currentProfile).
process.env.SUJARIT_EXCEL_PROFILE = "all";
