import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit handler that dispatches a form action without React's automatic form reset.
 * React resets a form after its `action` runs, which wipes selects and controlled radios even
 * when the server rejected the input; here the form keeps what the person chose. The `action`
 * prop stays on the form, so it still posts without JavaScript.
 */
export function submitWithoutReset(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
}
