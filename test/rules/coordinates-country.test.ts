/** coordinates-country: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { coordinatesCountry } from "../../scripts/rules/record/coordinates-country.ts";
import { EVENT_WITHOUT_LOCATIONS, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(coordinatesCountry, {
  valid: [
    { name: "an event without locations (schema 1.3.0): no coordinates to judge", code: EVENT_WITHOUT_LOCATIONS },
    { name: "coordinates that are no numbers (the schema's findings): passed over", failsSchema: true, code: editEvent("    country: KAZ\n    precision: country", "    country: TUR\n    precision: city\n    lat: \"36.43\"\n    lon: null") },
    { name: "a latitude out of range (the schema's finding): passed over", failsSchema: true, code: editEvent("    country: KAZ\n    precision: country", "    country: TUR\n    precision: city\n    lat: 136.43\n    lon: 28.22") },
    { name: "a country code of the wrong shape (the schema's finding): passed over", failsSchema: true, code: editEvent("    country: KAZ\n    precision: country", "    country: tur\n    precision: city\n    lat: 36.43\n    lon: 28.22") },
    { name: "locations that are no list", failsSchema: true, code: editEvent("locations:\n  - name: Kazakhstan\n    country: KAZ\n    precision: country\n", "locations: [null, 5, [36.43, 28.22]]\n") },
    { name: "Suva, Fiji, east of the antimeridian", code: editEvent("    country: KAZ\n    precision: country", "    country: FJI\n    precision: city\n    lat: -18.14\n    lon: 178.44").replace("name: Kazakhstan", "name: Suva") },
    { name: "a ship 5 km off Nice, Kehl coded as FRA (1 km across the Rhine), Cayenne (French Guiana) as FRA", code: editEvent("    country: KAZ\n    precision: country", "    country: FRA\n    precision: exact\n    lat: 43.65\n    lon: 7.27\n  - name: Kehl\n    country: FRA\n    precision: city\n    lat: 48.57\n    lon: 7.81\n  - name: Cayenne\n    country: FRA\n    precision: city\n    lat: 4.92\n    lon: -52.33").replace("name: Kazakhstan", "name: Off Nice") },
    { name: "Astana inside Kazakhstan", code: editEvent("    precision: country", "    precision: city\n    lat: 51.13\n    lon: 71.43") },
  ],
  invalid: [
    {
      name: "Rhodes coded as TUR in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("    country: KAZ\n    precision: country", "    country: TUR\n    precision: city\n    lat: 36.43\n    lon: 28.22").replace("name: Kazakhstan", "name: Rhodes")),
      errors: [{ messageId: "notIn", data: { lat: 36.43, lon: 28.22, country: "TUR", km: 10, there: "GRC, EUE" }, line: 20, column: 10 }],
    },
    {
      name: "Rhodes coded as TUR (its bounding box used to take it)",
      code: editEvent("    country: KAZ\n    precision: country", "    country: TUR\n    precision: city\n    lat: 36.43\n    lon: 28.22").replace("name: Kazakhstan", "name: Rhodes"),
      errors: [
        { messageId: "notIn", data: {lat: 36.43,lon: 28.22,country: "TUR",km: 10,there: "GRC, EUE"}, message: "lat 36.43, lon 28.22 is not in TUR, nor within 10 km of it: it lies in GRC, EUE.", line: 20, column: 10 },
      ],
    },
    {
      name: "Astana with lat and lon swapped",
      code: editEvent("    precision: country", "    precision: city\n    lat: 71.43\n    lon: 51.13"),
      errors: [
        { messageId: "notIn", data: {lat: 71.43,lon: 51.13,country: "KAZ",km: 10,there: "RUS"}, helpId: "swapped", help: "The numbers look swapped: lat 51.13, lon 71.43 lies in KAZ. Exchange `lat` and `lon`.", line: 20, column: 10 },
      ],
    },
    {
      name: "Toronto coded as USA",
      code: editEvent("    country: KAZ\n    precision: country", "    country: USA\n    precision: city\n    lat: 43.65\n    lon: -79.38").replace("name: Kazakhstan", "name: Toronto"),
      errors: [
        { messageId: "notIn", data: {lat: 43.65,lon: -79.38,country: "USA",km: 10,there: "CAN"}, line: 20, column: 10 },
      ],
    },
    {
      name: "a point at sea",
      code: editEvent("    country: KAZ\n    precision: country", "    country: FRA\n    precision: city\n    lat: 30\n    lon: -40"),
      errors: [
        { messageId: "atSea", data: {lat: 30,lon: -40,country: "FRA",km: 10,there: ""}, message: "lat 30, lon -40 is not in FRA, nor within 10 km of it: it lies outside every country (at sea, off any coast).", line: 20, column: 10 },
      ],
    },
  ],
});
