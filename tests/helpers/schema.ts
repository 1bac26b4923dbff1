import Ajv2020 from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import { readShared } from "./shared.js";

let validate: ValidateFunction | undefined;

/** The Briefing schema of ../shared, compiled once with a real JSON Schema (2020-12) validator. */
export function briefingValidator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    validate = ajv.compile(JSON.parse(readShared("schema/briefing.schema.json")));
  }
  return validate;
}
