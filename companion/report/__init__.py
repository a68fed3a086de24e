"""The session report: built from every activity, written as offline HTML and XLSX.

:mod:`.build` gathers every activity, :mod:`.html` writes the offline HTML and :mod:`.xlsx`
the workbook.
"""
