// Runs this project's suites on a fake Excel with the ExcelApi 1.7 requirement sets (test/support/fake-excel.ts currentProfile).
process.env.SUJARIT_EXCEL_PROFILE = "1.7";
