import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';

/** `?x=true|false` as a boolean (anything else stays and fails IsBoolean). */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** An end of an inclusive range must not lie before its start (`YYYY-MM-DD` compares as text). */
function IsNotBefore(startProperty: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: String(propertyKey),
      constraints: [startProperty],
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const start = (args.object as Record<string, unknown>)[startProperty];
          return typeof value !== 'string' || typeof start !== 'string' || start <= value;
        },
        defaultMessage(args: ValidationArguments): string {
          return `must not be before ${String(args.constraints[0])}`;
        },
      },
    });
}

/** An optional calendar day `YYYY-MM-DD` (organisation time) starting an inclusive range. */
export function DayFilter(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', description }),
    IsOptional(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' }),
    IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' }),
  );
}

/** The inclusive end of the range started by `startProperty`: a 400 when it lies before the start. */
export function DayFilterEnd(startProperty: string, description: string): PropertyDecorator {
  return applyDecorators(DayFilter(description), IsNotBefore(startProperty));
}

/** `?neighbourhood=` a wijk as recorded on the clients; the empty string asks for clients without one. */
export function NeighbourhoodFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      maxLength: 100,
      description: "The client's neighbourhood (wijk); empty: clients without one",
    }),
    IsOptional(),
    IsString(),
    MaxLength(100),
  );
}

/** An optional `true`/`false` filter. */
export function BooleanFilter(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    IsOptional(),
    Transform(toBoolean),
    IsBoolean(),
  );
}
