import bcrypt from "bcryptjs";

// bcrypt (pure JS, no native build). Cost 10 keeps sign-in around 60 ms on a 2-core machine.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
