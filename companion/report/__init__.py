"""The session report: built from every activity (:mod:`.build`), written as offline HTML
(:mod:`.html`) and XLSX."""
