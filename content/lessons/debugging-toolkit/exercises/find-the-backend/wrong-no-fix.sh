kubectl get endpoints my-backend-api -n production
kubectl get svc -n production
