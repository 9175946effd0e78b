/** coordinates-country: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { coordinatesCountry } from "../../scripts/rules/record/coordinates-country.ts";
import { editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(coordinatesCountry, {
  valid: [
    { name: "Astana inside Kazakhstan", code: editEvent("    precision: country", "    precision: city\n    lat: 51.13\n    lon: 71.43") },
  ],
  invalid: [
    {
      name: "Astana with lat and lon swapped",
      code: editEvent("    precision: country", "    precision: city\n    lat: 71.43\n    lon: 51.13"),
      errors: [
        { messageId: "notIn", data: {lat: 71.43,lon: 51.13,country: "KAZ",km: 10,there: "RUS"}, message: "lat 71.43, lon 51.13 is not in KAZ, nor within 10 km of it: it lies in RUS.", helpId: "swapped", line: 20, column: 10 },
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
