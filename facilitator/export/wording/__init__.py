"""Legal document wording of the biên bản and the báo cáo (HD 36 for Party bodies, NĐ 30/2020
for state bodies): never translated, changed only with the rules it follows. Kept beside the
exporters, apart from the UI text in :mod:`facilitator.strings`."""
