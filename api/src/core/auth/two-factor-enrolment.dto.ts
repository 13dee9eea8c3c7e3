import { ApiProperty } from '@nestjs/swagger';
import type { TwoFactorEnrolment } from '@waakvlam/contracts';

export class TwoFactorEnrolmentDto implements TwoFactorEnrolment {
  @ApiProperty({ description: 'Base32, to type into the app by hand' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Waakvlam:anna%40voorbeeld.nl?secret=…&issuer=Waakvlam' })
  otpauthUri!: string;
  @ApiProperty({ description: 'The URI as a QR code: a data:image/png;base64 URL' }) qrCode!: string;
}
